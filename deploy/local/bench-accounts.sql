-- The rows the REST API writes for an account (AccountSetup, StarterRules, KeywordRuleResource, IntentResource),
-- for :accounts accounts at once, into the schema Flyway made (:schema). Used by bench-accounts.sh.
-- Each account: the six scenario templates, 20 keyword rules (ANY_OF, 3 keywords each, a reply of its own),
-- and for CUSTOM the two default intents with DefaultIntents' example phrases (what a new CUSTOM account gets).
SET search_path TO :"schema";
TRUNCATE account, reply_template, keyword_rule, template_variant, semantic_intent;

INSERT INTO account (open_id, agency_id, name, tier, crisis_mode)
SELECT 'bench-' || lpad(i::text, 5, '0'), 'bench-agency-' || (i % 100), '压测店铺' || i,
       CASE WHEN i % 100 < :advanced THEN 'ADVANCED'
            WHEN i % 100 < :advanced + :custom THEN 'CUSTOM'
            ELSE 'BASIC' END,
       false
FROM generate_series(1, :accounts) AS i;

INSERT INTO reply_template (account_open_id, scenario, text)
SELECT a.open_id, s.scenario, s.text
FROM account a
CROSS JOIN (VALUES
  ('FALLBACK', '{nickname}您好，感谢您的私信！我们会尽快回复您～'),
  ('PRODUCT_INQUIRY', '{nickname}您好！这款是店里的人气款，现在下单享限时优惠，点击商品页即可购买～'),
  ('AFTER_SALES', '{nickname}您好，给您添麻烦了！售后请在订单页申请，我们会第一时间处理，也可以回复“人工”联系客服。'),
  ('WELCOME', '欢迎关注！{nickname}，新人下单立减10元，想了解哪款产品呢？'),
  ('OFF_HOURS', '{nickname}您好，现在是非工作时间，客服上班后会第一时间回复您～'),
  ('CRISIS', '{nickname}您好，我们已收到您的反馈，专人正在处理，请稍候。')
) AS s (scenario, text);

INSERT INTO keyword_rule (account_open_id, priority, match_mode, keywords, exclusions, scenario, template_text, enabled)
SELECT a.open_id, 100 - p.n, 'ANY_OF',
       p.word || '多少钱' || E'\n' || p.word || '价格' || E'\n' || p.word || '怎么卖',
       '',
       CASE WHEN p.n % 5 = 0 THEN 'AFTER_SALES' ELSE 'PRODUCT_INQUIRY' END,
       '{nickname}您好！' || p.word || '今天有活动，第二件半价，点击商品页下单～',
       true
FROM account a
CROSS JOIN unnest(ARRAY['面霜', '口红', '精华', '面膜', '防晒', '粉底', '眼霜', '洗面奶', '香水', '卸妆水',
                        '唇釉', '腮红', '眉笔', '睫毛膏', '爽肤水', '乳液', '身体乳', '洗发水', '护发素', '沐浴露'])
  WITH ORDINALITY AS p (word, n);

INSERT INTO semantic_intent (account_open_id, scenario, examples, template_text, enabled)
SELECT a.open_id, i.scenario, i.examples, NULL, true
FROM account a
CROSS JOIN (VALUES
  ('PRODUCT_INQUIRY', array_to_string(ARRAY['这个多少钱', '价格是多少', '怎么购买', '在哪里可以买到', '有优惠吗',
     '能便宜点吗', '怎么下单', '有购买链接吗', '现在还有货吗', '包邮吗', '我想买一个', '给我发个链接', '什么价位',
     '这款有活动吗', '什么时候能发货'], E'\n')),
  ('AFTER_SALES', array_to_string(ARRAY['我要退货', '怎么退款', '收到的东西坏了', '质量有问题', '能换货吗', '发错货了',
     '申请售后', '用着不好想退', '少发了一件', '包裹破损了', '退款什么时候到账', '我要投诉', '买的东西不能用', '货不对板',
     '颜色发错了', '尺码不对'], E'\n'))
) AS i (scenario, examples)
WHERE a.tier = 'CUSTOM';
ANALYZE account, reply_template, keyword_rule, semantic_intent;
