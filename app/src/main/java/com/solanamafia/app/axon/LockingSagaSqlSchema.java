package com.solanamafia.app.axon;

import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Axon's PostgreSQL saga schema, except that loading a saga locks its row until the unit of work's transaction ends
 * ({@code FOR UPDATE}). Axon serializes a saga's handlers only inside one JVM; a deadline (db-scheduler runs it on
 * any instance) and an event for the same saga on two instances would otherwise both load the old state and the
 * later commit would silently undo the other, e.g. the next window's deadline the event had just scheduled.
 */
public class LockingSagaSqlSchema extends PostgresSagaSqlSchema {
    public LockingSagaSqlSchema(SagaSchema sagaSchema) {
        super(sagaSchema);
    }

    @Override
    public PreparedStatement sql_loadSaga(Connection connection, String sagaId) throws SQLException {
        // the columns in the order the inherited readSerializedSaga reads them
        PreparedStatement statement = connection.prepareStatement("SELECT " + sagaSchema.serializedSagaColumn() + ", "
                + sagaSchema.sagaTypeColumn() + ", " + sagaSchema.revisionColumn() + " FROM " + sagaSchema.sagaEntryTable()
                + " WHERE " + sagaSchema.sagaIdColumn() + " = ? FOR UPDATE");
        statement.setString(1, sagaId);
        return statement;
    }
}
