"""Put one of each kind of user data in the user's folders, as the app writes them (for packaging/smoke_test.sh).

    PYTHONPATH=REPO python packaging/linux/seed_user_data.py

Settings (two changed values), one saved conversation with two messages, and one unsaved-text recovery file from a
session that ended without a clean close (this process exits without closing its recovery store, like a crash).
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.paths import AppPaths
from app.store.conversations import Conversation, ConversationStore, StoredMessage, default_path
from app.store.recovery import RecoveryRecord, RecoveryStore
from app.store.settings import Settings


def main() -> int:
    paths = AppPaths.default().ensure()
    settings = Settings.at(str(paths.settings_file))
    settings.set("continue/temperature", 0.5)
    settings.set("chat/max_new_tokens", 300)
    settings.sync()

    store = ConversationStore(default_path(paths.data))
    store.open()
    conversation = store.create(Conversation.new())
    store.rename(conversation.id, "Written before the upgrade")
    store.put_message(conversation.id, StoredMessage(0, "user", "Hello from the old version"))
    store.put_message(conversation.id, StoredMessage(1, "assistant", "Hello! I will still be here after it."))
    store.close()

    recovery = RecoveryStore(paths.data / "recovery")
    recovery.write(RecoveryRecord(doc_id="smoke", title="Untitled", text="Unsaved words typed before the upgrade."))
    # No recovery.close(): the lock goes with this process, so the next start finds a session to recover.
    print(f"seeded {paths.config}, {paths.data}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
