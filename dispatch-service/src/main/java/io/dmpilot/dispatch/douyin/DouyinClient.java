package io.dmpilot.dispatch.douyin;

import io.dmpilot.contracts.douyin.DouyinErrors;
import io.dmpilot.contracts.douyin.DouyinSendRequest;
import io.dmpilot.contracts.douyin.DouyinSendResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one door to the platform's send API, with the fault tolerance around it: a time-out per call,
 * retries with jitter for what the platform asks us to retry, and a circuit breaker so an outage does not
 * pile up calls, and a bulkhead bounding the calls in flight per replica (a slow platform cannot take every
 * connection and all memory; a reply refused by a full bulkhead is tried again later by the dispatcher, and
 * says nothing of the platform's health, so the breaker does not count it). Limits are set in configuration
 * (tests shrink them there).
 */
@ApplicationScoped
public class DouyinClient {
    private final DouyinSendApi api;
    private final DouyinOAuthApi oauth;

    public DouyinClient(@RestClient DouyinSendApi api, @RestClient DouyinOAuthApi oauth) {
        this.api = api;
        this.oauth = oauth;
    }

    // a time-out is not retried: the platform may have taken the message (SendFailure.Unanswered)
    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = SendFailure.Retryable.class)
    @ExponentialBackoff(maxDelay = 5000)
    @CircuitBreakerName("douyin-send")
    @CircuitBreaker(
            requestVolumeThreshold = 20,
            failureRatio = 0.5,
            delay = 10_000,
            skipOn = {SendFailure.Final.class, BulkheadException.class})
    @Timeout(3000)
    @Bulkhead(value = 64, waitingTaskQueue = 256)
    public Uni<DouyinSendResponse> send(String accountOpenId, String accessToken, DouyinSendRequest request) {
        return api.send(accountOpenId, accessToken, request)
                .onFailure(f -> !(f instanceof SendFailure))
                .transform(DouyinClient::classify)
                .map(DouyinClient::requireSuccess);
    }

    /**
     * Renews an account's access token with its refresh token ({@code POST /oauth/refresh_token/}, form
     * {@code client_key, grant_type=refresh_token, refresh_token}).
     */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = SendFailure.Retryable.class)
    @Timeout(3000)
    public Uni<AccessToken> refresh(String clientKey, String refreshToken) {
        return oauth.refresh(clientKey, "refresh_token", refreshToken)
                .onFailure(f -> !(f instanceof SendFailure))
                .transform(DouyinClient::classifyQuietly)
                .map(DouyinClient::requireToken);
    }

    private static AccessToken requireToken(TokenRefreshResponse response) {
        TokenRefreshResponse.Data data = response.data();
        if (data == null || data.errorCode() != 0 || data.accessToken() == null) {
            long code = data == null ? -1 : data.errorCode();
            throw new SendFailure.Final(code, "token refresh refused: " + (data == null ? "" : data.description()));
        }
        long expiresAt = System.currentTimeMillis() + data.expiresInSeconds() * 1000;
        return new AccessToken(data.accessToken(), data.refreshToken(), expiresAt);
    }

    private static DouyinSendResponse requireSuccess(DouyinSendResponse response) {
        if (response.errNo() == 0) return response;
        if (DouyinErrors.retryable(response.errNo())) {
            throw new SendFailure.Retryable(response.errNo(), response.errMsg());
        }
        throw new SendFailure.Final(response.errNo(), response.errMsg());
    }

    /**
     * As {@link #classify}, but without the failure's message: an unreadable refresh answer's parser message
     * quotes the answer, which carries the new tokens.
     */
    private static Throwable classifyQuietly(Throwable failure) {
        return failure instanceof WebApplicationException
                ? classify(failure)
                : new SendFailure.Retryable(0, failure.getClass().getSimpleName());
    }

    private static Throwable classify(Throwable failure) {
        if (failure instanceof WebApplicationException http) {
            int status = http.getResponse().getStatus();
            String message = "platform answered HTTP " + status;
            return status >= 500 || status == 429
                    ? new SendFailure.Retryable(status, message)
                    : new SendFailure.Final(status, message);
        }
        String what = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (unanswered(failure)) return new SendFailure.Unanswered(what);
        // connection refused, unreadable answer: the platform may be back in a moment
        return new SendFailure.Retryable(0, what);
    }

    /**
     * A time-out (this client's or the HTTP client's) or a connection closed after the request left: whether the
     * platform took the message is unknown.
     */
    public static boolean unanswered(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SendFailure.Unanswered) return true;
            if (cause instanceof SendFailure || cause instanceof ConnectException) return false;
            // this client's TimeoutException, the JDK's, SocketTimeoutException, Netty's and Vert.x's time-outs
            if (cause.getClass().getSimpleName().contains("Timeout")
                    || cause.getClass().getSimpleName().equals("ClosedChannelException")
                    || String.valueOf(cause.getMessage()).contains("Connection reset")) {
                return true;
            }
        }
        return false;
    }
}
