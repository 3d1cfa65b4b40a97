package io.dmpilot.dispatch.handoff;

import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import io.dmpilot.contracts.douyin.DouyinSendRequest;
import io.dmpilot.dispatch.ConversationState;
import io.dmpilot.dispatch.ReplyWindow;
import io.dmpilot.dispatch.douyin.DouyinClient;
import io.dmpilot.dispatch.douyin.PlatformSender;
import io.dmpilot.dispatch.douyin.SendFailure;
import io.dmpilot.kit.Problem;
import io.dmpilot.kit.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * An operator's reply to a handed-off conversation: through the same sender as automatic replies, within
 * the same platform reply window, counted as human; it pauses automation and resets the in-a-row count.
 */
@ApplicationScoped
public class ManualReplies {
    private final HandoffQueue queue;
    private final ConversationState conversations;
    private final ReplyWindow window;
    private final PlatformSender sender;
    private final MeterRegistry meters;

    public ManualReplies(
            HandoffQueue queue,
            ConversationState conversations,
            ReplyWindow window,
            PlatformSender sender,
            MeterRegistry meters) {
        this.queue = queue;
        this.conversations = conversations;
        this.window = window;
        this.sender = sender;
        this.meters = meters;
    }

    /** Sends; returns the platform's message id. */
    public Uni<String> reply(String account, String conversation, ManualReplyRequest request) {
        return queue.get(account, conversation).chain(entry -> {
            if (!request.operator().equals(entry.claimedBy())) {
                throw ProblemException.conflict("claim the conversation before answering it");
            }
            InboundEvent answered = answered(entry);
            return window.take(answered).chain(verdict -> {
                if (!ReplyWindow.isOpen(verdict)) {
                    throw ProblemException.conflict("the platform's reply window is closed: " + verdict);
                }
                return send(entry, request.text())
                        .onFailure()
                        .call(() -> window.giveBack(answered))
                        .call(() -> conversations.humanReplied(account, conversation));
            });
        });
    }

    private Uni<String> send(HandoffEntry entry, String text) {
        DouyinSendRequest request =
                DouyinSendRequest.text(entry.lastMessageId(), entry.conversationId(), entry.userOpenId(), text);
        return sender.send(entry.accountOpenId(), request)
                .invoke(() -> count("SENT"))
                .map(response -> response.data() == null ? "" : response.data().msgId())
                .onFailure()
                .invoke(() -> count("FAILED"))
                .onFailure()
                .transform(ManualReplies::problemOf);
    }

    private static ProblemException problemOf(Throwable failure) {
        if (DouyinClient.unanswered(failure)) {
            // the operator must not simply press send again: the user may already have the message
            return new ProblemException(Problem.of(
                    504,
                    "Platform did not answer",
                    "the message may have been sent: look at the conversation before sending it again"));
        }
        return new ProblemException(Problem.of(
                502,
                "Platform refused",
                failure instanceof SendFailure f ? "platform-" + f.code() : "platform unreachable"));
    }

    private void count(String outcome) {
        meters.counter("dmpilot_replies_sent_total", "tier", "NONE", "outcome", outcome, "sender", "human")
                .increment();
    }

    /** The window is the one of the user's message being answered; its creation time is the hand-off's. */
    private static InboundEvent answered(HandoffEntry entry) {
        return new InboundEvent(
                "",
                InboundKind.USER_MESSAGE,
                "",
                entry.accountOpenId(),
                entry.userOpenId(),
                null,
                entry.conversationId(),
                entry.lastMessageId(),
                "text",
                entry.lastText(),
                entry.lastMessageAt(),
                entry.lastMessageAt(),
                Map.of(),
                "");
    }
}
