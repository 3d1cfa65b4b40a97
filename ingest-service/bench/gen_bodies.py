#!/usr/bin/env python3
"""Writes N signed Douyin webhooks, one per line: <hex SHA-1 of secret+body> TAB <body>.

Every body has its own server_message_id (prefixed by a per-run tag), so each request is a first delivery
that ingest publishes, never a duplicate. Usage: gen_bodies.py OUT N TAG [SECRET] [CLIENT_KEY]
"""
import hashlib
import json
import sys
import time


def main():
    out, count, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    secret = sys.argv[4] if len(sys.argv) > 4 else "sim-secret"
    client_key = sys.argv[5] if len(sys.argv) > 5 else "sim-app"
    now = int(time.time() * 1000)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(count):
            user = f"user-{i % 5000}"
            body = json.dumps({
                "event": "im_receive_msg",
                "from_user_id": user,
                "to_user_id": "demo-account",
                "client_key": client_key,
                "log_id": f"log-{tag}-{i}",
                "content": {
                    "conversation_short_id": f"conv-{i % 5000}",
                    "server_message_id": f"{tag}-{i}",
                    "conversation_type": 1,
                    "message_type": "text",
                    "text": "你好，这个多少钱？",
                    "source": "",
                    "create_time": now + i,
                    "user_infos": [{"open_id": user, "nick_name": "用户", "avatar": ""}],
                },
            }, ensure_ascii=False, separators=(",", ":"))
            raw = body.encode("utf-8")
            signature = hashlib.sha1(secret.encode("utf-8") + raw).hexdigest()
            f.write(signature + "\t" + body + "\n")


if __name__ == "__main__":
    main()
