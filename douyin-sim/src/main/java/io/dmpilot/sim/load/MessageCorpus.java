package io.dmpilot.sim.load;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What users write to enterprise accounts, in the proportions of seed §2: product inquiries and after-sales
 * first, then greetings, paraphrases that name no keyword, chit-chat, and a share with words the advertising
 * law bans (the user's words are not ours to block, but they must not break anything).
 */
public final class MessageCorpus {
    public enum Kind {
        PRODUCT_INQUIRY(40),
        AFTER_SALES(20),
        GREETING(15),
        PARAPHRASE(12),
        CHIT_CHAT(8),
        BANNED_WORDS(5);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    private static final List<String> PRODUCT_INQUIRY =
            List.of("这个多少钱", "价格是多少？", "请问怎么购买", "有优惠吗", "发个购买链接", "这款有货吗", "包邮吗亲", "能给个报价吗", "在哪买啊", "下单有折扣吗");
    private static final List<String> AFTER_SALES =
            List.of("我要退款", "收到的东西坏了", "怎么退货", "发错颜色了，能换货吗", "质量问题怎么处理", "少发了一件", "售后电话多少", "快递破损了");
    private static final List<String> GREETING = List.of("你好", "在吗", "哈喽", "您好，有人吗", "早上好", "嗨～");
    private static final List<String> PARAPHRASE =
            List.of("想入手一个，大概什么价位", "这玩意儿贵不贵", "给个实惠点的数呗", "买两件能便宜点吗", "东西用了两天就不行了", "和图片不一样，不想要了");
    private static final List<String> CHIT_CHAT = List.of("主播今天好美", "哈哈哈哈", "视频拍得真好", "关注了", "666", "下次直播什么时候");
    private static final List<String> BANNED_WORDS = List.of("你们说是全网最便宜的，真的假的", "国家级产品？", "号称最佳效果，能保证吗", "是不是第一品牌啊");

    private MessageCorpus() {}

    /** The message for one draw; the same random state always gives the same message. */
    public static String pick(SplittableRandom random) {
        return pick(kindOf(random.nextInt(100)), random);
    }

    static Kind kindOf(int percentile) {
        int upTo = 0;
        for (Kind kind : Kind.values()) {
            upTo += kind.weight;
            if (percentile < upTo) return kind;
        }
        throw new IllegalArgumentException("percentile " + percentile + " is outside 0..99");
    }

    static String pick(Kind kind, SplittableRandom random) {
        List<String> texts = switch (kind) {
            case PRODUCT_INQUIRY -> PRODUCT_INQUIRY;
            case AFTER_SALES -> AFTER_SALES;
            case GREETING -> GREETING;
            case PARAPHRASE -> PARAPHRASE;
            case CHIT_CHAT -> CHIT_CHAT;
            case BANNED_WORDS -> BANNED_WORDS;
        };
        return texts.get(random.nextInt(texts.size()));
    }
}
