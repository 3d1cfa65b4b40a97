package io.dmpilot.rules.engine;

import java.util.List;

/**
 * The example phrases of the intents a new CUSTOM account starts with: seed §2's two frequent scenarios,
 * worded the ways keyword lists miss. A message goes to the intent of its nearest example by meaning
 * (这个怎么卖 lands on 怎么购买). Operators replace them per account over REST.
 */
public final class DefaultIntents {
    public static final List<String> PRODUCT_INQUIRY = List.of(
            "这个多少钱", "价格是多少", "怎么购买", "在哪里可以买到", "有优惠吗", "能便宜点吗", "怎么下单", "有购买链接吗", "现在还有货吗", "包邮吗", "我想买一个", "给我发个链接",
            "什么价位", "这款有活动吗", "什么时候能发货");

    public static final List<String> AFTER_SALES = List.of(
            "我要退货",
            "怎么退款",
            "收到的东西坏了",
            "质量有问题",
            "能换货吗",
            "发错货了",
            "申请售后",
            "用着不好想退",
            "少发了一件",
            "包裹破损了",
            "退款什么时候到账",
            "我要投诉",
            "买的东西不能用",
            "货不对板",
            "颜色发错了",
            "尺码不对");

    private DefaultIntents() {}
}
