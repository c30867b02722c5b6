package dev.agentcredits.adapter.persistence.postgres;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizerFactory;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizingAnnotation;
import org.jdbi.v3.sqlobject.customizer.SqlStatementParameterCustomizer;

/**
 * Binds a record's components by name: {@code :component}, or {@code :prefix.component} when a
 * prefix is given. JDBI's own {@code @BindMethods} binds public types only, and rows stay
 * package-private.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@SqlStatementCustomizingAnnotation(BindRecord.Factory.class)
@interface BindRecord {
  String value() default "";

  final class Factory implements SqlStatementCustomizerFactory {
    @Override
    public SqlStatementParameterCustomizer createForParameter(
        Annotation annotation,
        Class<?> sqlObjectType,
        Method method,
        Parameter param,
        int index,
        Type type) {
      String prefix = ((BindRecord) annotation).value();
      return (statement, record) ->
          statement.bindNamedArgumentFinder(new RecordArguments(prefix, (Record) record));
    }
  }
}
