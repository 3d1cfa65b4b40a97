package io.dmpilot.compliance.lexicon;

/**
 * Two-character spellings that read as a contact word (威信, 薇信, v信 → 微信; 扣扣 → qq; 加薇 → 加微). Each
 * replacement has the length of what it replaces, so offsets back to the original stay one to one. Applied to
 * the lexicon's terms too, so a term is matched in the same form as the text.
 */
final class Homophones {
    private static final String[] PAIRS = {
        "威信微信", "薇信微信", "徽信微信", "维信微信", "危信微信", "伟信微信", "v信微信", "w信微信", "胃信微信",
        "扣扣qq", "抠抠qq", "寇寇qq", "叩叩qq", "蔻蔻qq", "加薇加微", "加威加微", "加徽加微", "家微加微",
    };
    private static final boolean[] SECOND = new boolean[0x10000];
    private static final java.util.Map<Integer, String> REPLACEMENTS = new java.util.HashMap<>();

    static {
        for (String pair : PAIRS) {
            SECOND[pair.charAt(1)] = true;
            REPLACEMENTS.put(key(pair.charAt(0), pair.charAt(1)), pair.substring(2));
        }
    }

    static void fold(char[] text, int length) {
        for (int i = 1; i < length; i++) {
            if (!SECOND[text[i]]) continue;
            String replacement = REPLACEMENTS.get(key(text[i - 1], text[i]));
            if (replacement != null) {
                text[i - 1] = replacement.charAt(0);
                text[i] = replacement.charAt(1);
            }
        }
    }

    private static int key(char first, char second) {
        return (first << 16) | second;
    }

    private Homophones() {}
}
