package io.dmpilot.compliance.lexicon;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What each character reads as, computed once for the whole Basic Multilingual Plane so normalizing costs one
 * array read per character: NFKC (full-width → half-width, ① → 1), lower case, traditional → simplified
 * ({@link #TRADITIONAL}: a table of common characters, not a dictionary), and digits written otherwise (一二三,
 * 壹贰叁, ❶➀➊, 幺 as read in phone numbers). Private-use code points mark what is not a character.
 */
final class CharFolding {
    static final char SEPARATOR = '\uE000';
    static final char DOT = '\uE001';
    static final char SPACE = '\uE002';
    static final char EXPAND = '\uE003';

    /** Pairs traditional → simplified, for the characters of advertising, contact and abuse vocabulary. */
    static final String TRADITIONAL = "價价優优網网絕绝對对國国級级寶宝號号發发貨货買买賣卖錢钱樂乐風风點点選选專专業业經经濟济"
            + "開开關关門门這这們们個个來来會会說说話话時时問问題题東东車车長长電电機机務务後后實实驗验療疗藥药醫医癒愈"
            + "衛卫證证產产廠厂際际質质團团購购單单雙双獨独極极靈灵萬万億亿無无與与為为邊边總总統统體体現现線线聯联繫系"
            + "軟软廣广聲声傳传導导護护養养頭头髮发臉脸膚肤滿满減减贈赠禮礼塊块圓圆員员壓压鐘钟當当從从紅红綠绿藍蓝黃黄"
            + "魚鱼鳥鸟馬马龍龙幣币帳账賬账銷销穩稳賺赚賠赔虧亏險险財财貸贷額额腫肿癥症診诊斷断瘡疮陽阳陰阴觀观視视親亲"
            + "愛爱戀恋處处誰谁騙骗詐诈溝沟訊讯訂订認认識识請请謝谢讓让談谈論论設设計计許许該该變变頁页類类顏颜權权歡欢"
            + "熱热銀银鐵铁鋼钢錶表鏈链鎖锁戶户標标準准樣样構构檢检測测興兴舉举薦荐韓韩蘋苹讚赞贊赞協协議议獲获紀纪錄录"
            + "區区劃划擊击壞坏夠够奪夺婦妇寫写將将屬属幾几廢废彈弹態态慶庆應应懷怀戰战擇择據据攝摄斃毙歷历殺杀氣气沒没"
            + "溫温滅灭災灾爭争獎奖環环盡尽監监碼码確确種种積积築筑簡简約约紙纸練练組组細细織织續续羅罗腦脑舊旧莊庄葉叶"
            + "蘭兰虛虚裝装複复覺觉訪访詢询試试調调貓猫費费資资贏赢趙赵跡迹蹤踪較较輕轻轉转辦办遠远適适遲迟郵邮鄉乡醜丑"
            + "針针鍵键閃闪閱阅陳陈隨随隱隐離离難难雞鸡靜静須须顧顾飛飞飯饭館馆驚惊鬥斗麼么黨党齊齐滾滚罵骂媽妈幹干豬猪"
            + "殘残賤贱嗎吗過过還还進进運运達达連连週周勝胜勢势簽签載载顯显嚴严鬆松麵面僅仅儘尽壽寿淨净營营蟲虫觸触鑽钻"
            + "歲岁補补謀谋灣湾麗丽騰腾掃扫賽赛癮瘾効效況况獄狱貳2參3陸6"
            + "訴诉訟讼報报師师農农燒烧結结條条見见樓楼";

    /** Digits written as words or in dingbat circles; ① and full-width digits already fold through NFKC. */
    static final String DIGITS = "零0〇0○0一1二2三3四4五5六6七7八8九9壹1贰2叁3肆4伍5陆6柒7捌8玖9幺1⓿0";

    /** Characters that end a URL's host like a space does: what follows is a path, a port or a query. */
    private static final String BOUNDARIES = "/:?#&=\\";

    private static final char[] TABLE = new char[0x10000];
    private static final Map<Character, String> EXPANSIONS = new HashMap<>();

    static {
        Map<Character, Character> special = new HashMap<>();
        for (int k = 0; k + 1 < TRADITIONAL.length(); k += 2)
            special.put(TRADITIONAL.charAt(k), TRADITIONAL.charAt(k + 1));
        for (int k = 0; k + 1 < DIGITS.length(); k += 2) special.put(DIGITS.charAt(k), DIGITS.charAt(k + 1));
        for (char d = 0; d < 10; d++) {
            special.put((char) (0x2776 + d), (char) ('1' + d)); // ❶..❿ (❿ handled below)
            special.put((char) (0x2780 + d), (char) ('1' + d)); // ➀..➉
            special.put((char) (0x278A + d), (char) ('1' + d)); // ➊..➓
            special.put((char) (0x24F5 + d), (char) ('1' + d)); // ⓵..⓾
        }
        for (int c = 0; c < 0x10000; c++) TABLE[c] = compute((char) c, special);
        for (char ten : new char[] {'\u277F', '\u2789', '\u2793', '\u24FE'}) {
            TABLE[ten] = EXPAND;
            EXPANSIONS.put(ten, "10");
        }
    }

    private static char compute(char c, Map<Character, Character> special) {
        if (Character.isSurrogate(c) || Character.getType(c) == Character.PRIVATE_USE) return SEPARATOR;
        if (c == '.' || c == '。' || c == '．' || c == '｡') return DOT;
        if (c == '+' || c == '＋' || c == '➕' || c == '﹢') return '加';
        if (c == '%' || c == '％' || c == '﹪') return '%';
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || BOUNDARIES.indexOf(c) >= 0) return SPACE;
        Character direct = special.get(c);
        if (direct != null) return direct;
        if (isSeparator(c)) return SEPARATOR;
        String folded =
                Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (folded.length() == 1) {
            char f = folded.charAt(0);
            Character again = special.get(f);
            if (again != null) return again;
            if (f == '.' || f == '%' || f == '+') return f == '.' ? DOT : f == '%' ? '%' : '加';
            if (Character.isWhitespace(f) || Character.isSpaceChar(f) || BOUNDARIES.indexOf(f) >= 0) return SPACE;
            return isSeparator(f) ? SEPARATOR : f;
        }
        if (folded.isEmpty()) return SEPARATOR;
        EXPANSIONS.put(c, folded);
        return EXPAND;
    }

    static char fold(char c) {
        return TABLE[c];
    }

    /** The characters of an expansion, each folded (⑴ → "(1)" → "1"). */
    static String expand(char c) {
        return refold(EXPANSIONS.get(c));
    }

    /** Emoji and other symbols outside the BMP separate nothing; 𝟏 and 𝐚 read as 1 and a. */
    static String foldSupplementary(int cp) {
        if (isSeparator(cp)) return "";
        return refold(Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT));
    }

    private static String refold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char f = TABLE[s.charAt(k)];
            out.append(f == EXPAND ? s.charAt(k) : f);
        }
        return out.toString();
    }

    /** Whitespace, punctuation, symbols (emoji, ★, ❤) and invisible format characters separate nothing. */
    static boolean isSeparator(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) return true;
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL,
                    Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL,
                    Character.FORMAT,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.CONTROL,
                    Character.UNASSIGNED,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }

    private CharFolding() {}
}
