import { formatDay, formatValue } from './calendar';
import type { Located } from './compare';
import type { EventRef } from './events';

/** "the visit (Vladimir Putin, in Pyongyang)"; "previous visit" for an earlier occurrence. */
export function describeEvent(event: EventRef): string {
  const who = event.actors.map((n) => n.text);
  const where = event.places.map((n) => `in ${n.text}`);
  const participants = [...who, ...where].join(', ');
  const occurrence = event.occurrence === 'this' ? '' : `${event.occurrence} `;
  const inferred = event.inferred ? ' — participants taken from the rest of the article' : '';
  return `the ${occurrence}${event.label}${participants ? ` (${participants})` : ''}${inferred}`;
}

/** How a conflicting mention reads in the related list of a finding. */
export function relatedMessage({ mention, dateline }: Located): string {
  const label = mention.event?.label ?? 'event';
  if (mention.source === 'headline') return `Headline reports the ${label} as news of its dateline${dateline ? ` (${formatDay(dateline.day)})` : ''}`;
  return `"${mention.text}" dates the ${label} to ${formatValue(mention.value!)}`;
}
