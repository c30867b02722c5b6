package dev.agentcredits.adapter.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A map whose changes are undone when their transaction rolls back. */
final class Table<K, V> {
  private final MemoryDatabase db;
  private final Map<K, V> rows = new LinkedHashMap<>();

  Table(MemoryDatabase db) {
    this.db = db;
  }

  Optional<V> get(K key) {
    return Optional.ofNullable(rows.get(key));
  }

  boolean contains(K key) {
    return rows.containsKey(key);
  }

  void put(K key, V value) {
    boolean existed = rows.containsKey(key);
    V old = rows.put(key, value);
    db.onRollback(() -> restore(key, existed, old));
  }

  void remove(K key) {
    if (rows.containsKey(key)) {
      V old = rows.remove(key);
      db.onRollback(() -> rows.put(key, old));
    }
  }

  List<V> values() {
    return new ArrayList<>(rows.values());
  }

  List<Map.Entry<K, V>> entries() {
    return new ArrayList<>(rows.entrySet());
  }

  private void restore(K key, boolean existed, V old) {
    if (existed) {
      rows.put(key, old);
    } else {
      rows.remove(key);
    }
  }
}
