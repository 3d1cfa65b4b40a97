package io.dmpilot.dispatch.douyin;

import io.dmpilot.contracts.douyin.DouyinErrors;
import io.dmpilot.contracts.douyin.DouyinSendRequest;
import io.dmpilot.contracts.douyin.DouyinSendResponse;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends one message with the account's current token; when the platform says the token expired, renews it
 * and tries once more. Automatic and manual replies both go out here.
 */
@ApplicationScoped
public class PlatformSender {
    private final DouyinClient douyin;
    private final AccessTokens tokens;

    public PlatformSender(DouyinClient douyin, AccessTokens tokens) {
        this.douyin = douyin;
        this.tokens = tokens;
    }

    public Uni<DouyinSendResponse> send(String accountOpenId, DouyinSendRequest request) {
        return tokens.current(accountOpenId)
                .chain(token -> douyin.send(accountOpenId, token, request)
                        .onFailure(PlatformSender::tokenExpired)
                        .recoverWithUni(expired -> tokens.renew(accountOpenId, token)
                                .chain(fresh -> douyin.send(accountOpenId, fresh, request))));
    }

    private static boolean tokenExpired(Throwable failure) {
        return failure instanceof SendFailure f && f.code() == DouyinErrors.TOKEN_EXPIRED;
    }
}
