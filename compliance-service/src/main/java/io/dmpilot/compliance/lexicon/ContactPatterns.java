package io.dmpilot.compliance.lexicon;

import io.dmpilot.contracts.LexiconCategory;
import java.util.List;
import java.util.Set;

/**
 * Contact details that no word list can enumerate, read from the normalized text so they survive the same
 * evasions as the terms (1 3 8 - 0 0 1 3 - 8 0 0 0, ①③⑧…, 威❤信 abc123): mainland mobile numbers, WeChat ids
 * and QQ numbers after their markers, URLs and bare domains (abc.com, abc 点 com, abc。com).
 */
final class ContactPatterns {
    static final LexiconTerm PHONE = new LexiconTerm(LexiconCategory.DIVERSION, "<mobile number>");
    static final LexiconTerm WECHAT_ID = new LexiconTerm(LexiconCategory.DIVERSION, "<wechat id>");
    static final LexiconTerm QQ_NUMBER = new LexiconTerm(LexiconCategory.DIVERSION, "<qq number>");
    static final LexiconTerm DOMAIN = new LexiconTerm(LexiconCategory.DIVERSION, "<url>");

    /** Words after which an id follows; normalized, so 威信, v信 and 薇信 arrive here as 微信. */
    static final List<String> WECHAT_MARKERS = List.of("微信", "vx", "wx", "weixin", "wechat", "加微", "加v", "v号");

    static final List<String> QQ_MARKERS = List.of("qq");

    private static final Set<String> TLDS = Set.of(
            "com", "cn", "net", "org", "top", "xyz", "cc", "vip", "shop", "io", "me", "info", "co", "tv", "club",
            "site", "online", "link", "ltd", "wang", "ren", "app", "biz", "mobi", "asia", "live", "store", "fun", "icu",
            "cyou", "work", "tech", "hk", "tw", "ink", "pro");

    private ContactPatterns() {}

    /** Mainland mobile numbers: exactly 11 digits 1[3-9]…, optionally after 86. */
    static void phones(NormalizedText text, Sink sink) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isDigit(text.charAt(i))) i++;
            int from =
                    i - start == 13 && text.charAt(start) == '8' && text.charAt(start + 1) == '6' ? start + 2 : start;
            if (i - from == 11 && text.charAt(from) == '1' && text.charAt(from + 1) >= '3') {
                sink.accept(PHONE, start, i);
            }
        }
    }

    /** After a WeChat marker: an id of 6–20 letters and digits starting with a letter, or a digit id. */
    static void wechatId(NormalizedText text, int markerStart, int markerEnd, Sink sink) {
        int from = skipFillers(text, markerEnd);
        int end = wordEnd(text, from);
        int length = end - from;
        if (length >= 6 && length <= 20 && isLetter(text.charAt(from))) {
            sink.accept(WECHAT_ID, markerStart, end);
        } else if (length >= 5 && length <= 11 && allDigits(text, from, end) && text.charAt(from) != '0') {
            sink.accept(WECHAT_ID, markerStart, end);
        }
    }

    /** After qq (扣扣, 企鹅号…): 5–11 digits not starting with 0. */
    static void qqNumber(NormalizedText text, int markerStart, int markerEnd, Sink sink) {
        if (markerStart > 0 && isLetter(text.charAt(markerStart - 1))) return;
        int from = skipFillers(text, markerEnd);
        int end = from;
        while (end < text.length() && isDigit(text.charAt(end))) end++;
        int length = end - from;
        if (length >= 5 && length <= 11 && text.charAt(from) != '0') sink.accept(QQ_NUMBER, markerStart, end);
    }

    /** Letter-and-digit runs with a dot (., 。, 点) before a known top-level domain that ends the run. */
    static void domains(NormalizedText text, Sink sink) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!ContextRules.isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int lastLabel = -1;
            int j = i + 1;
            while (j < n) {
                char c = text.charAt(j);
                if (ContextRules.isWordChar(c)) {
                    if (text.has(j, NormalizedText.DOT_BEFORE)) lastLabel = j;
                    j++;
                } else if (c == '点' && j + 1 < n && isLetter(text.charAt(j + 1)) && j > start) {
                    lastLabel = j + 1;
                    j += 2;
                } else {
                    break;
                }
            }
            if (lastLabel > start) {
                int end = tldEnd(text, lastLabel, j);
                if (end > 0) sink.accept(DOMAIN, start, end);
            }
            i = j;
        }
    }

    /** The end of the top-level domain at {@code from}, when one ends there (run end or a space); else -1. */
    private static int tldEnd(NormalizedText text, int from, int runEnd) {
        int best = -1;
        for (int end = from + 2; end <= Math.min(runEnd, from + 6); end++) {
            boolean boundary = end == runEnd || text.has(end, NormalizedText.SPACE_BEFORE);
            if (boundary && TLDS.contains(new String(text.chars(), from, end - from))) best = end;
        }
        return best;
    }

    /** 号, 是, 加, 搜, 私 and the like between a marker and the id. */
    private static int skipFillers(NormalizedText text, int from) {
        int i = from;
        while (i < text.length() && i - from < 3 && "号是加搜为私我的".indexOf(text.charAt(i)) >= 0) i++;
        return i;
    }

    private static int wordEnd(NormalizedText text, int from) {
        int i = from;
        while (i < text.length() && ContextRules.isWordChar(text.charAt(i))) i++;
        return i;
    }

    private static boolean allDigits(NormalizedText text, int from, int end) {
        for (int i = from; i < end; i++) if (!isDigit(text.charAt(i))) return false;
        return end > from;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    interface Sink {
        void accept(LexiconTerm term, int start, int end);
    }
}
