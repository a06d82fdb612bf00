package io.parley.logic.message;

/** The unique key (sender, client id) refused a row of a batch: the batch is rolled back. */
final class DuplicateSend extends RuntimeException {
    DuplicateSend(Throwable cause) {
        super("a send of the batch is stored already", cause, false, false);
    }
}
