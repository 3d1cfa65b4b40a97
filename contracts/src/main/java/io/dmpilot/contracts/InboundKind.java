package io.dmpilot.contracts;

/** What an inbound record on {@code dm.inbound.v1} is, derived from the Douyin webhook event. */
public enum InboundKind {
    /** {@code im_receive_msg}: a user wrote to the account. */
    USER_MESSAGE,
    /** {@code im_enter_direct_msg}: a user opened the chat. */
    CHAT_OPENED,
    /** {@code im_send_msg} with an empty source: a person answered in the Douyin app; automation pauses. */
    HUMAN_REPLY,
    /** {@code im_send_msg} with our client_key as source: the platform confirms one of our sends. */
    SEND_ECHO,
    /** {@code im_recall_msg}: the user recalled a message. */
    RECALL
}
