/** Adds `values` to the list `map` keeps under `key`, starting that list if there is none yet. */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, ...values: V[]): void {
  if (values.length === 0) return;
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, values);
}
