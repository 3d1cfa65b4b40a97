package io.dmpilot.sim.oauth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The simulated platform's token refresh, as dispatch-service calls it, and its effect on the send API. */
@QuarkusTest
class RefreshTokenResourceTest {
    private static final long TOKEN_EXPIRED = 28001008L;

    @Test
    void formRefreshAnswersThePlatformsShapeAndTheNewTokenSends() {
        ValidatableResponse answer = refresh("sim-refresh")
                .body("message", equalTo("success"))
                .body("data.error_code", equalTo(0))
                .body("data.description", equalTo(""))
                .body("data.access_token", not(emptyString()))
                .body("data.expires_in", equalTo(15 * 86_400))
                .body("data.refresh_token", equalTo("sim-refresh"))
                .body("data.refresh_expires_in", greaterThan(0))
                .body("data.open_id", equalTo(""))
                .body("data.scope", not(emptyString()));
        String fresh = answer.extract().path("data.access_token");

        assertEquals(0L, send(fresh));
    }

    @Test
    void queryParametersWithoutABodyAreAcceptedToo() {
        given().queryParams(
                        Map.of("client_key", "sim-app", "grant_type", "refresh_token", "refresh_token", "sim-refresh"))
                .post("/oauth/refresh_token/")
                .then()
                .statusCode(200)
                .body("data.error_code", equalTo(0))
                .body("data.access_token", not(emptyString()));
    }

    @Test
    void refusalsAnswerAnErrorCodeAndNoToken() {
        record Case(String clientKey, String grantType, String refreshToken, int code) {}
        for (Case c : new Case[] {
            new Case("sim-app", "refresh_token", "unknown-" + UUID.randomUUID(), 10010),
            new Case("other-app", "refresh_token", "sim-refresh", 10013),
            new Case("sim-app", "authorization_code", "sim-refresh", 10005),
            new Case("sim-app", "refresh_token", "", 10005),
        }) {
            given().contentType(ContentType.URLENC)
                    .formParams(Map.of(
                            "client_key",
                            c.clientKey(),
                            "grant_type",
                            c.grantType(),
                            "refresh_token",
                            c.refreshToken()))
                    .post("/oauth/refresh_token/")
                    .then()
                    .statusCode(200)
                    .body("message", equalTo("error"))
                    .body("data.error_code", equalTo(c.code()))
                    .body("data.access_token", nullValue());
        }
    }

    @Test
    void expiredTokensAreRefusedWithTokenExpiredUntilRefreshed() {
        given().post("/sim/tokens/expire").then().statusCode(200);

        assertEquals(TOKEN_EXPIRED, send("sim-token"));
        String fresh = refresh("sim-refresh").extract().path("data.access_token");
        assertEquals(0L, send(fresh));
    }

    private static ValidatableResponse refresh(String refreshToken) {
        return given().contentType(ContentType.URLENC)
                .formParams(
                        Map.of("client_key", "sim-app", "grant_type", "refresh_token", "refresh_token", refreshToken))
                .post("/oauth/refresh_token/")
                .then()
                .statusCode(200);
    }

    private static long send(String accessToken) {
        Number code = given().contentType(ContentType.JSON)
                .header("access-token", accessToken)
                .queryParam("open_id", "acct-oauth")
                .body(Map.of(
                        "msg_id", "msg-1",
                        "conversation_id", "conv-oauth-" + UUID.randomUUID(),
                        "to_user_id", "user-1",
                        "content", Map.of("msg_type", "text", "text", Map.of("text", "你好")),
                        "scene", "im_replay_msg"))
                .post("/im/send/msg/")
                .then()
                .statusCode(200)
                .extract()
                .path("err_no");
        return code.longValue();
    }
}
