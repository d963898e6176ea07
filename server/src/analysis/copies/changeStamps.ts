import { grown } from '../typedArrays';

/** What the stamps read of the index when a round of changes settles. */
export interface StampedState {
  /** A term's weight inputs in one number: equal numbers, equal weight. */
  termState(id: number): number;
  memberCount(cls: number): number;
  /** Classes holding the term, possibly with ids of classes since dropped. */
  postingsOf(id: number): readonly number[];
  classBound: number;
}

/**
 * When each term's weight and each class's terms or number of members last changed, so that what was
 * worked out from them can be kept until then. Changes are judged by their net effect over a round (the
 * additions and removals between two settlements): an article replaced by an edited version of itself
 * takes out and puts back nearly every term and class, and leaves only those it really changed stale.
 */
export class ChangeStamps {
  private termStamps = new Int32Array(0);
  private classStamps = new Int32Array(0);
  /** The last change that altered every weight (the number of units changed). */
  private everything = 0;
  /** Terms (their weight inputs) and classes (their number of members) as they were before this round. */
  private readonly termsBefore = new ValuesBefore();
  private readonly classesBefore = new ValuesBefore();
  private round = 1;

  /** Records a term's state before this round first changes it. */
  touchTerm(id: number, state: number): void {
    this.termsBefore.touch(id, state, this.round);
  }

  /** Records a class's number of members before this round first changes it. */
  touchClass(cls: number, members: number): void {
    this.classesBefore.touch(cls, members, this.round);
  }

  /**
   * Stamps with `now` what the round changed: every term and class when `everything`, else the terms
   * whose state differs from before and the classes holding them, and the classes whose number of
   * members differs.
   */
  settle(now: number, everything: boolean, state: StampedState): void {
    if (everything) this.everything = now;
    else {
      if (this.classStamps.length < state.classBound) this.classStamps = grown(this.classStamps, state.classBound);
      if (this.termStamps.length < this.termsBefore.bound) this.termStamps = grown(this.termStamps, this.termsBefore.bound);
      for (const id of this.termsBefore.touched) {
        if (state.termState(id) === this.termsBefore.value(id)) continue;
        this.termStamps[id] = now;
        for (const cls of state.postingsOf(id)) this.classStamps[cls] = now;
      }
      for (const cls of this.classesBefore.touched) if (state.memberCount(cls) !== this.classesBefore.value(cls)) this.classStamps[cls] = now;
    }
    this.termsBefore.clear();
    this.classesBefore.clear();
    this.round++;
  }

  /** The last change to the term's weight. */
  termChangedAt(id: number): number {
    return Math.max(this.everything, this.termStamps[id] ?? 0);
  }

  /** The last change to the weight of one of the class's terms, or to its number of members. */
  classChangedAt(cls: number): number {
    return Math.max(this.everything, this.classStamps[cls] ?? 0);
  }
}

/** Per id touched in a round, its value when first touched; `rounds` marks which entries are this round's. */
class ValuesBefore {
  private values = new Int32Array(0);
  private rounds = new Int32Array(0);
  touched: number[] = [];

  get bound(): number {
    return this.rounds.length;
  }

  touch(id: number, value: number, round: number): void {
    if (id >= this.rounds.length) {
      this.rounds = grown(this.rounds, id);
      this.values = grown(this.values, id);
    }
    if (this.rounds[id] === round) return;
    this.rounds[id] = round;
    this.values[id] = value;
    this.touched.push(id);
  }

  value(id: number): number {
    return this.values[id];
  }

  clear(): void {
    this.touched = [];
  }
}
