package dev.agentcredits.adapter.persistence.postgres;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizer;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizerFactory;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizingAnnotation;

/**
 * A query of two statements, sent in one round trip: the first locks rows, the second reads what
 * the method answers (the first one's rows are skipped). At READ COMMITTED a statement reads as of
 * the moment it started, however long it then waited for a lock, and only the locked rows
 * themselves are read again once the lock is granted; the second statement starts after the lock is
 * held, so it sees every row the previous holder committed, in any table.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@SqlStatementCustomizingAnnotation(LockThenRead.Factory.class)
@interface LockThenRead {
  final class Factory implements SqlStatementCustomizerFactory {
    @Override
    public SqlStatementCustomizer createForMethod(
        Annotation annotation, Class<?> sqlObjectType, Method method) {
      return statement -> statement.addCustomizer(SKIP_THE_LOCK);
    }

    private static final StatementCustomizer SKIP_THE_LOCK =
        new StatementCustomizer() {
          @Override
          public void afterExecution(PreparedStatement statement, StatementContext ctx)
              throws SQLException {
            statement.getMoreResults();
          }
        };
  }
}
