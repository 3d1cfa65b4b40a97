package io.dmpilot.dispatch;

import io.dmpilot.contracts.douyin.DouyinSendRequest;
import io.dmpilot.contracts.douyin.DouyinSendResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform's send endpoint, served by the test application itself: records what dispatch sent and
 * answers with programmed error codes first. (The whole pipeline is tested against douyin-sim.)
 */
@Path("/im/send/msg/")
@PermitAll // plays the Douyin platform, which dmpilot's operator keys have nothing to do with
public class PlatformStub {
    public record Received(String openId, String accessToken, DouyinSendRequest request, long at, boolean accepted) {}

    static final Queue<Received> RECEIVED = new ConcurrentLinkedQueue<>();
    /** Programmed answers per conversation: other records on the topic (other suites) never consume them. */
    static final Map<String, Queue<Long>> NEXT_ERRORS = new ConcurrentHashMap<>();
    /** Accounts for which the platform is down: HTTP 500 to every send. */
    static final Set<String> OUTAGE = ConcurrentHashMap.newKeySet();
    /** Accounts for which the platform takes {@link #SLOW_MILLIS} per send; the most calls in flight at once. */
    static final Set<String> SLOW = ConcurrentHashMap.newKeySet();

    /** Accounts for which the platform takes a message and answers after {@link #LATE_MILLIS}: past the time-out. */
    static final Set<String> LATE = ConcurrentHashMap.newKeySet();

    static final long SLOW_MILLIS = 50;
    static final long LATE_MILLIS = 1_500;
    static final AtomicInteger SLOW_IN_FLIGHT = new AtomicInteger();
    static final AtomicInteger SLOW_MOST_IN_FLIGHT = new AtomicInteger();

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public DouyinSendResponse send(
            @QueryParam("open_id") String openId,
            @HeaderParam("access-token") String token,
            DouyinSendRequest request) {
        if (SLOW.contains(openId)) slowly();
        long at = System.currentTimeMillis();
        if (LATE.contains(openId)) {
            RECEIVED.add(new Received(openId, token, request, at, true));
            pause(LATE_MILLIS);
            return DouyinSendResponse.ok(
                    "sent-" + request.msgId(), UUID.randomUUID().toString());
        }
        if (OUTAGE.contains(openId)) {
            RECEIVED.add(new Received(openId, token, request, at, false));
            throw new WebApplicationException(500);
        }
        Queue<Long> programmed = NEXT_ERRORS.get(request.conversationId());
        Long error = programmed == null ? null : programmed.poll();
        RECEIVED.add(new Received(openId, token, request, at, error == null));
        String logId = UUID.randomUUID().toString();
        return error == null
                ? DouyinSendResponse.ok("sent-" + request.msgId(), logId)
                : DouyinSendResponse.error(error, "programmed error", logId);
    }

    private static void slowly() {
        SLOW_MOST_IN_FLIGHT.accumulateAndGet(SLOW_IN_FLIGHT.incrementAndGet(), Math::max);
        try {
            pause(SLOW_MILLIS);
        } finally {
            SLOW_IN_FLIGHT.decrementAndGet();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // the platform's latency, not a test waiting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void failNext(String conversationId, long code) {
        NEXT_ERRORS
                .computeIfAbsent(conversationId, c -> new ConcurrentLinkedQueue<>())
                .add(code);
    }

    /** What the platform took (answered with success) for an account. */
    static List<Received> acceptedFor(String openId) {
        return RECEIVED.stream()
                .filter(r -> r.accepted() && openId.equals(r.openId()))
                .toList();
    }

    static List<Received> to(String conversationId) {
        return RECEIVED.stream()
                .filter(r -> conversationId.equals(r.request().conversationId()))
                .toList();
    }
}
