/** Adds `value` to the set kept under `key`, making the set on first use. */
export function addToSetIn<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
