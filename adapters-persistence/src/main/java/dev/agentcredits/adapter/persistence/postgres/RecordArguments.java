package dev.agentcredits.adapter.persistence.postgres;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.NamedArgumentFinder;
import org.jdbi.v3.core.qualifier.QualifiedType;
import org.jdbi.v3.core.statement.StatementContext;

/** A record's components as named arguments ({@link BindRecord}); arrays bind as SQL arrays. */
final class RecordArguments implements NamedArgumentFinder {
  private static final ClassValue<Map<String, RecordComponent>> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected Map<String, RecordComponent> computeValue(Class<?> type) {
          return Arrays.stream(type.getRecordComponents())
              .collect(Collectors.toMap(RecordComponent::getName, Function.identity()));
        }
      };

  private final String prefix;
  private final Record record;

  RecordArguments(String prefix, Record record) {
    this.prefix = prefix.isEmpty() ? "" : prefix + ".";
    this.record = record;
  }

  @Override
  public Optional<Argument> find(String name, StatementContext ctx) {
    if (!name.startsWith(prefix)) {
      return Optional.empty();
    }
    RecordComponent component =
        COMPONENTS.get(record.getClass()).get(name.substring(prefix.length()));
    if (component == null) {
      return Optional.empty();
    }
    return ctx.findArgumentFor(QualifiedType.of(component.getGenericType()), value(component));
  }

  private Object value(RecordComponent component) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component + " to bind it", e);
    }
  }
}
