package io.dmpilot.dispatch.douyin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.stream.Stream;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which failures may hide a message the platform took (never sent again) and which certainly do not. */
class UnansweredClassificationTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("this client's time-out", new TimeoutException("3000 ms"), true),
                Arguments.of(
                        "the HTTP client's read time-out", new ProcessingException(new SocketTimeoutException()), true),
                Arguments.of("a connection reset mid-call", new IOException("Connection reset by peer"), true),
                Arguments.of("already classified", new SendFailure.Unanswered("late"), true),
                Arguments.of("a refused connection", new ProcessingException(new ConnectException("refused")), false),
                Arguments.of("an HTTP 500 answer", new SendFailure.Retryable(500, "HTTP 500"), false),
                Arguments.of("a final refusal", new SendFailure.Final(40001, "banned"), false),
                Arguments.of("an open circuit", new CircuitBreakerOpenException("open"), false),
                Arguments.of("a full bulkhead", new BulkheadException("full"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aFailureIsUnansweredOnlyWhenTheRequestMayHaveReachedThePlatform(
            String what, Throwable failure, boolean unanswered) {
        assertEquals(unanswered, DouyinClient.unanswered(failure), what);
    }
}
