package io.dmpilot.sim.load;

import io.dmpilot.contracts.serde.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates a run's accounts through rules-service's REST API, as an agency's admin would (with the configured
 * operator key), a few at a time so the
 * run's own setup does not become the load. An account that already exists (a rerun) is fine.
 */
final class AccountProvisioner {
    static final String FRIENDLY_REPLY = "{nickname}您好，感谢您的私信！我们已收到您的消息，稍后为您详细解答。";
    /** 最便宜 is banned by the advertising law and has no substitute: compliance must block this reply. */
    static final String BANNED_REPLY = "{nickname}您好，本店全网最便宜，欢迎选购！";

    private static final int IN_FLIGHT = 16;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String rulesUrl;
    private final String operatorKey;
    private final AtomicInteger created = new AtomicInteger();

    AccountProvisioner(String rulesUrl, String operatorKey) {
        this.rulesUrl = rulesUrl;
        this.operatorKey = operatorKey;
    }

    int created() {
        return created.get();
    }

    void provision(TrafficShape shape, int accounts) throws InterruptedException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        CompletableFuture<?>[] all = new CompletableFuture<?>[accounts];
        for (int account = 0; account < accounts; account++) {
            slots.acquire();
            all[account] = http.sendAsync(request(shape, account), HttpResponse.BodyHandlers.ofString())
                    .thenAccept(this::check)
                    .whenComplete((ok, failure) -> slots.release());
        }
        CompletableFuture.allOf(all).join();
    }

    private HttpRequest request(TrafficShape shape, int account) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("openId", shape.accountOpenId(account));
        body.put("agencyId", shape.prefix());
        body.put("name", "压测店铺 " + account);
        body.put("tier", shape.tierOf(account).name());
        body.put("fixedReply", shape.answersWithBannedTerm(account) ? BANNED_REPLY : FRIENDLY_REPLY);
        return HttpRequest.newBuilder(URI.create(rulesUrl + "/accounts"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + operatorKey)
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.write(body)))
                .build();
    }

    private void check(HttpResponse<String> response) {
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException(
                    "rules-service answered " + response.statusCode() + " creating an account: " + response.body());
        }
        created.incrementAndGet();
    }
}
