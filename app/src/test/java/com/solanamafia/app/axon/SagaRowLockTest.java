package com.solanamafia.app.axon;

import com.solanamafia.testsupport.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two instances handling the same saga at once (an event on one, its deadline on the other), as two transactions on
 * real PostgreSQL: with {@link LockingSagaSqlSchema} the second load waits for the first transaction and sees its
 * update; with Axon's own schema it reads the old state at once, and its later commit would undo the first.
 */
class SagaRowLockTest {
    static HikariDataSource dataSource;
    static final ThreadLocal<Connection> transaction = new ThreadLocal<>();
    final ExecutorService otherInstance = Executors.newSingleThreadExecutor();

    /** A saga's state, as the store serializes it. */
    public static class Counter {
        public int value;
    }

    @BeforeAll
    static void schema() {
        TestPostgres.Database db = TestPostgres.freshDatabase("saga_lock");
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).schemas("event_store")
                .locations("classpath:db/migration/event_store").load().migrate();
        dataSource = db.dataSource();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void aSagaLoadedInOneTransactionIsLoadedInTheOtherOnlyAfterItCommits() throws Exception {
        JdbcSagaStore store = store(new AxonJdbcConfiguration().sagaSqlSchema());
        String saga = insertedSaga(store, 1);

        begin();
        Counter first = store.loadSaga(Counter.class, saga).saga();
        CompletableFuture<Integer> second = loadInAnotherTransaction(store, saga);
        assertThatThrownBy(() -> second.get(700, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        first.value = 2;
        store.updateSaga(Counter.class, saga, first, new AssociationValuesImpl());
        commit();
        assertThat(second.get(10, TimeUnit.SECONDS)).as("the second load, after the first commit").isEqualTo(2);
    }

    @Test
    void axonsOwnSchemaLetsTheSecondTransactionReadTheOldState() throws Exception {
        JdbcSagaStore store = store(new PostgresSagaSqlSchema(AxonJdbcConfiguration.sagaSchema()));
        String saga = insertedSaga(store, 1);

        begin();
        store.loadSaga(Counter.class, saga);
        assertThat(loadInAnotherTransaction(store, saga).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        commit();
    }

    private CompletableFuture<Integer> loadInAnotherTransaction(JdbcSagaStore store, String saga) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                begin();
                int value = store.loadSaga(Counter.class, saga).saga().value;
                commit();
                return value;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, otherInstance);
    }

    private static String insertedSaga(JdbcSagaStore store, int value) throws SQLException {
        String id = UUID.randomUUID().toString();
        Counter counter = new Counter();
        counter.value = value;
        begin();
        store.insertSaga(Counter.class, id, counter, Set.of());
        commit();
        return id;
    }

    private static JdbcSagaStore store(SagaSqlSchema schema) {
        return JdbcSagaStore.builder().connectionProvider(currentTransaction()).sqlSchema(schema)
                .serializer(JacksonSerializer.defaultSerializer()).build();
    }

    /** The thread's open transaction, which the store's close() after each call must not end. */
    private static ConnectionProvider currentTransaction() {
        return () -> {
            Connection connection = transaction.get();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> method.getName().equals("close") ? null : method.invoke(connection, args));
        };
    }

    private static void begin() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        transaction.set(connection);
    }

    private static void commit() throws SQLException {
        try (Connection connection = transaction.get()) {
            connection.commit();
        }
        transaction.remove();
    }
}
