package io.dmpilot.dispatch;

/**
 * Key names of conversation state, shared by the conversation state, the send ledger, the reply window and the
 * hand-off queue. Each carries the account as hash tag: a conversation and its account's hand-off index live
 * on one Redis Cluster slot.
 */
public final class ConversationKeys {
    /** Every key of a conversation starts so; scripts that list conversations build keys from it. */
    public static String conversations(String account) {
        return "dispatch:conv:{" + account + "}:";
    }

    public static String inARow(String account, String conversation) {
        return conversations(account) + conversation + ":in-a-row";
    }

    public static String human(String account, String conversation) {
        return conversations(account) + conversation + ":human";
    }

    public static String handoff(String account, String conversation) {
        return conversations(account) + conversation + ":handoff";
    }

    public static String window(String account, String conversation) {
        return conversations(account) + conversation + ":window";
    }

    public static String handoffSeen(String account, String handoffId) {
        return "dispatch:handoff-seen:{" + account + "}:" + handoffId;
    }

    public static String handoffIndex(String account) {
        return "dispatch:handoffs:{" + account + "}";
    }

    private ConversationKeys() {}
}
