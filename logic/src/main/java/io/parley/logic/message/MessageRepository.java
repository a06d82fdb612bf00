package io.parley.logic.message;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface MessageRepository extends CrudRepository<Message, Long> {
    Optional<Message> findBySenderIdAndClientMsgId(long senderId, String clientMsgId);

    long countBySenderId(long senderId);
}
