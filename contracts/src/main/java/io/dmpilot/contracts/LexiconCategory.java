package io.dmpilot.contracts;

/** Lexicon categories of DESIGN §6, each mapped to the platform penalty it would draw. */
public enum LexiconCategory {
    /** 极限用语 → 虚假宣传. */
    EXTREME_ADVERTISING,
    /** 外链导流: URLs, WeChat/QQ ids, phone numbers. */
    DIVERSION,
    /** Medical and finance topics that need an account qualification. */
    REGULATED,
    /** 骚扰用户. */
    HARASSMENT
}
