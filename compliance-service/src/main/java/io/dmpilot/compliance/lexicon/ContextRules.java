package io.dmpilot.compliance.lexicon;

import java.util.List;

/**
 * What keeps operators from being embarrassed by a match: phrases that contain a term without meaning it
 * (第一次 is not the extreme word 第一; 最近 is not 最), and word boundaries for letters and digits (加v is not in
 * 加vip; 100% is not in 1000%). Allowed phrases are written as an operator would; they are normalized like the
 * terms, so 第一次 also allows 第1次 and 第①次.
 */
public final class ContextRules {
    public static final List<String> ALLOWED = List.of(
            "第一次",
            "第一天",
            "第一步",
            "第一批",
            "第一个",
            "第一单",
            "第一件",
            "第一页",
            "第一期",
            "第一季",
            "第一集",
            "第一章",
            "第一条",
            "第一位",
            "第一眼",
            "第一口",
            "第一周",
            "第一年",
            "第一轮",
            "第一站",
            "第一波",
            "第一行",
            "第一排",
            "第一张",
            "第一份",
            "第一款",
            "第一层",
            "第一节",
            "第一课",
            "第一回",
            "第一遍",
            "第一声",
            "第一句",
            "最近",
            "最初",
            "最终",
            "最后一次",
            "最后一天",
            "最后一步",
            "最后一个",
            "最后一件",
            "最后一单",
            "最后的",
            "最晚",
            "最早",
            "最迟",
            "最少需要",
            "最多可以",
            "最多能",
            "唯一的区别",
            "唯一的问题",
            "首次",
            "首单",
            "顶级域名",
            "国家级非物质文化遗产");

    private ContextRules() {}

    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** A letter term must not be glued to letters, a digit term not to digits (spaces count as glue: evasion). */
    static boolean respectsBoundaries(NormalizedText text, int start, int end) {
        char first = text.charAt(start);
        char last = text.charAt(end - 1);
        if (start > 0 && sameClass(first, text.charAt(start - 1))) return false;
        return end >= text.length() || !sameClass(last, text.charAt(end));
    }

    private static boolean sameClass(char a, char b) {
        boolean letters = a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z';
        boolean digits = a >= '0' && a <= '9' && b >= '0' && b <= '9';
        return letters || digits;
    }
}
