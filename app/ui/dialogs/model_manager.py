"""The Model manager dialog: a thin view over ModelManagerController.

A list (built-in, recommended downloads, your models) with size, memory, languages, licence and what each is good
for; the selected model's details and actions below it (Download / Resume, Cancel, Delete, Open folder, Use this
model, Use for translate) with the download's progress, speed and time left; the Hugging Face token; adding a
folder or a .gguf file, or any Hub model by id. Everything it does goes through the controller.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.engine.catalog import LANGUAGE_NAMES, CatalogEntry, format_bytes, total_memory_bytes
from app.engine.downloads import DownloadProgress, format_eta
from app.translatable import QT_TRANSLATE_NOOP
from app.ui.dialogs.model_manager_controller import JobView, ModelManagerController, ModelRow
from app.ui.messages import joined

COLUMNS = (
    QT_TRANSLATE_NOOP("ModelManager", "Model"),
    QT_TRANSLATE_NOOP("ModelManager", "Size"),
    QT_TRANSLATE_NOOP("ModelManager", "Memory (CPU · GPU)"),
    QT_TRANSLATE_NOOP("ModelManager", "Languages"),
    QT_TRANSLATE_NOOP("ModelManager", "Licence"),
    QT_TRANSLATE_NOOP("ModelManager", "Good for"),
    QT_TRANSLATE_NOOP("ModelManager", "Status"),
)
# Interactive widths (px) for the columns whose text can be long; the others fit their contents.
_WIDTHS = {3: 150, 4: 170, 5: 180, 6: 170}
KEY_ROLE = Qt.ItemDataRole.UserRole


def _uses_text(entry: CatalogEntry | None) -> str:
    if entry is None:
        return "—"
    names = {
        "chat": QCoreApplication.translate("ModelManager", "chat"),
        "translate": QCoreApplication.translate("ModelManager", "translate"),
        "summarize": QCoreApplication.translate("ModelManager", "summarize"),
        "continue": QCoreApplication.translate("ModelManager", "continue writing"),
    }
    return joined(names[use] for use in entry.uses)


def _languages(entry: CatalogEntry | None, limit: int = 2) -> str:
    if entry is None:
        return "—"
    names = [QCoreApplication.translate("Languages", LANGUAGE_NAMES.get(code, code)) for code in entry.languages]
    return joined(names) if len(names) <= limit else joined(names[:limit]) + f" +{len(names) - limit}"


def progress_text(job: JobView) -> str:
    """One line under the progress bar: bytes, speed and time left, or what is happening instead."""
    progress = job.progress
    if job.state == "cancelling":
        return QCoreApplication.translate("ModelManager", "Stopping…")
    if job.state in ("starting", "checking") or progress is None:
        return QCoreApplication.translate("ModelManager", "Asking Hugging Face which files are needed…")
    done = QCoreApplication.translate("ModelManager", "{done} of {total}").format(
        done=format_bytes(progress.bytes_done), total=format_bytes(progress.bytes_total)
    )
    if job.state == "failed":
        return job.error
    if job.state == "paused":
        return QCoreApplication.translate(
            "ModelManager", "Paused at {done}. Download again to continue where it stopped."
        ).format(done=done)
    if job.state == "stalled":
        return QCoreApplication.translate("ModelManager", "{done} — no data for {seconds} s, trying again…").format(
            done=done, seconds=f"{progress.idle_s:.0f}"
        )
    if job.state == "verifying":
        return QCoreApplication.translate("ModelManager", "{done} — checking {file}…").format(
            done=done, file=progress.file
        )
    if progress.speed <= 0:
        return done
    return QCoreApplication.translate("ModelManager", "{done} — {speed}/s — about {eta} left").format(
        done=done, speed=format_bytes(progress.speed), eta=eta_text(progress.eta_s)
    )


def eta_text(seconds: float | None) -> str:
    """Time left as downloads.format_eta writes it ("3 min 05 s"), in the user's language."""
    if seconds is None:
        return format_eta(seconds)
    whole = round(seconds)
    if whole < 60:
        return QCoreApplication.translate("ModelManager", "{s} s").format(s=whole)
    if whole < 3600:
        return QCoreApplication.translate("ModelManager", "{m} min {s:02d} s").format(m=whole // 60, s=whole % 60)
    return QCoreApplication.translate("ModelManager", "{h} h {m:02d} min").format(h=whole // 3600, m=whole % 3600 // 60)


def _percent(progress: DownloadProgress | None) -> int:
    return round((progress.fraction or 0) * 100) if progress else 0


def status_text(row: ModelRow) -> str:
    job = row.job
    if job is not None:
        return {
            "paused": QCoreApplication.translate("ModelManager", "Paused at {percent}%").format(
                percent=_percent(job.progress)
            ),
            "failed": QCoreApplication.translate("ModelManager", "Pickled weights not allowed")
            if job.pickle_only
            else QCoreApplication.translate("ModelManager", "Download failed"),
            "cancelling": QCoreApplication.translate("ModelManager", "Stopping…"),
        }.get(
            job.state,
            QCoreApplication.translate("ModelManager", "Downloading {percent}%").format(percent=_percent(job.progress)),
        )
    marks = []
    if row.in_use:
        marks.append(QCoreApplication.translate("ModelManager", "in use"))
    if row.for_translate:
        marks.append(QCoreApplication.translate("ModelManager", "for translation"))
    suffix = f" · {', '.join(marks)}" if marks else ""
    entry = row.entry
    if row.kind == "embedded":
        return (
            QCoreApplication.translate("ModelManager", "Ready, offline")
            if row.usable
            else QCoreApplication.translate("ModelManager", "Not installed")
        ) + suffix
    if row.kind == "catalog":
        return (
            QCoreApplication.translate("ModelManager", "Gated: needs a token")
            if row.catalog and row.catalog.gated
            else QCoreApplication.translate("ModelManager", "Not downloaded")
        )
    if row.kind == "partial" and entry is not None:
        share = entry.size_bytes / entry.total_bytes if entry.total_bytes else 0
        return QCoreApplication.translate("ModelManager", "Partly downloaded ({percent}%)").format(
            percent=round(share * 100)
        )
    if entry is not None and entry.problem:
        return QCoreApplication.translate("ModelManager", "Needs attention")
    return {
        "downloaded": QCoreApplication.translate("ModelManager", "Downloaded"),
        "folder": QCoreApplication.translate("ModelManager", "Folder"),
        "gguf": QCoreApplication.translate("ModelManager", "GGUF file"),
    }.get(row.kind, "") + suffix


class ModelManagerDialog(QDialog):
    def __init__(self, controller: ModelManagerController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("modelManager")
        self.setWindowTitle(QCoreApplication.translate("ModelManager", "Models"))
        self.resize(1100, 720)
        # Replaced in tests; the real ones open platform dialogs.
        self.confirm_delete: Callable[[ModelRow], bool] = self._confirm_delete
        self.confirm_pickle: Callable[[str], bool] = self._confirm_pickle  # the model's name
        self.choose_folder: Callable[[], Path | None] = self._choose_folder
        self.choose_gguf: Callable[[], Path | None] = self._choose_gguf
        self.open_path: Callable[[Path], None] = self._open_path
        self._bars: dict[str, QProgressBar] = {}
        self._ram = total_memory_bytes()

        intro = QLabel(
            QCoreApplication.translate(
                "ModelManager",
                "Models run on this computer. The built-in model always works, even offline; download a larger "
                "one for better writing, summaries and translation. Downloads continue where they stopped.",
            )
        )
        intro.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setObjectName("modelList")
        self.tree.setAccessibleName(QCoreApplication.translate("ModelManager", "Models"))
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([QCoreApplication.translate("ModelManager", name) for name in COLUMNS])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in range(len(COLUMNS)):
            if column == 0:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            elif column in _WIDTHS:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, _WIDTHS[column])
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(60)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.currentItemChanged.connect(self._update_details)

        self.details = self._build_details()
        token_box = self._build_token()

        self.add_folder_button = QPushButton(QCoreApplication.translate("ModelManager", "Add &folder…"))
        self.add_folder_button.setAccessibleName(QCoreApplication.translate("ModelManager", "Add a model folder"))
        self.add_folder_button.setToolTip(
            QCoreApplication.translate(
                "ModelManager", "Add a folder that holds a Transformers model (config.json and weights)"
            )
        )
        self.add_folder_button.clicked.connect(self._add_folder)
        self.add_gguf_button = QPushButton(QCoreApplication.translate("ModelManager", "Add &GGUF file…"))
        self.add_gguf_button.setAccessibleName(QCoreApplication.translate("ModelManager", "Add a GGUF model file"))
        self.add_gguf_button.clicked.connect(self._add_gguf)
        self.hub_id = QLineEdit()
        self.hub_id.setPlaceholderText(
            QCoreApplication.translate("ModelManager", "Other Hugging Face model: owner/name")
        )
        self.hub_id.setAccessibleName(QCoreApplication.translate("ModelManager", "Hugging Face model id to download"))
        self.hub_id.returnPressed.connect(self._download_by_id)
        self.hub_button = QPushButton(QCoreApplication.translate("ModelManager", "Download by id"))
        self.hub_button.setAccessibleName(QCoreApplication.translate("ModelManager", "Download the model with this id"))
        self.hub_button.clicked.connect(self._download_by_id)
        close = QPushButton(QCoreApplication.translate("ModelManager", "Close"))
        close.setAccessibleName(QCoreApplication.translate("ModelManager", "Close the model manager"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_folder_button)
        bottom.addWidget(self.add_gguf_button)
        bottom.addSpacing(16)
        bottom.addWidget(self.hub_id, 1)
        bottom.addWidget(self.hub_button)
        bottom.addSpacing(16)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.details)
        layout.addWidget(token_box)
        layout.addLayout(bottom)

        controller.rows_changed.connect(self._rebuild)
        controller.job_changed.connect(self._job_changed)
        controller.token_changed.connect(self._update_token)
        controller.pickle_consent_needed.connect(self._on_pickle_refused)
        self._rebuild()
        self._update_token()

    # -- building -----------------------------------------------------------------------------------------------
    def _build_details(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("modelDetails")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setObjectName("modelTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setObjectName("downloadProgress")
        self.progress.setAccessibleName(QCoreApplication.translate("ModelManager", "Download progress"))
        self.progress.setRange(0, 1000)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("downloadStatus")
        self.progress_label.setWordWrap(True)
        self.progress_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.download_button = QPushButton(QCoreApplication.translate("ModelManager", "&Download"))
        self.cancel_button = QPushButton(QCoreApplication.translate("ModelManager", "&Cancel download"))
        self.delete_button = QPushButton(QCoreApplication.translate("ModelManager", "De&lete"))
        self.open_button = QPushButton(QCoreApplication.translate("ModelManager", "&Open folder"))
        self.use_button = QPushButton(QCoreApplication.translate("ModelManager", "&Use this model"))
        self.translate_button = QPushButton(QCoreApplication.translate("ModelManager", "Use for &translate"))
        for button, name, slot in (
            (
                self.download_button,
                QCoreApplication.translate("ModelManager", "Download the selected model"),
                self._download_selected,
            ),
            (
                self.cancel_button,
                QCoreApplication.translate("ModelManager", "Cancel the download"),
                self._cancel_selected,
            ),
            (
                self.delete_button,
                QCoreApplication.translate("ModelManager", "Delete the selected model"),
                self._delete_selected,
            ),
            (
                self.open_button,
                QCoreApplication.translate("ModelManager", "Open the model's folder"),
                self._open_selected,
            ),
            (
                self.use_button,
                QCoreApplication.translate("ModelManager", "Use the selected model for everything"),
                self._use_selected,
            ),
            (
                self.translate_button,
                QCoreApplication.translate("ModelManager", "Use the selected model for translation"),
                self._translate_selected,
            ),
        ):
            button.setAccessibleName(name)
            button.setToolTip(name)
            button.clicked.connect(slot)
        self.use_button.setDefault(True)
        buttons = QHBoxLayout()
        for button in (self.download_button, self.cancel_button, self.delete_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.translate_button)
        buttons.addWidget(self.use_button)

        layout = QVBoxLayout(frame)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.facts)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_label)
        layout.addLayout(buttons)
        return frame

    def _build_token(self) -> QGroupBox:
        box = QGroupBox(
            QCoreApplication.translate("ModelManager", "Hugging Face token (for gated models such as Llama and Gemma)")
        )
        self.token_edit = QLineEdit()
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(QCoreApplication.translate("ModelManager", "hf_…"))
        self.token_edit.setAccessibleName(QCoreApplication.translate("ModelManager", "Hugging Face access token"))
        self.token_edit.returnPressed.connect(self._save_token)
        self.save_token_button = QPushButton(QCoreApplication.translate("ModelManager", "&Save token"))
        self.save_token_button.setAccessibleName(
            QCoreApplication.translate("ModelManager", "Save the Hugging Face token")
        )
        self.save_token_button.clicked.connect(self._save_token)
        self.forget_token_button = QPushButton(QCoreApplication.translate("ModelManager", "Forget token"))
        self.forget_token_button.setAccessibleName(
            QCoreApplication.translate("ModelManager", "Forget the Hugging Face token")
        )
        self.forget_token_button.clicked.connect(self.controller.forget_token)
        self.token_status = QLabel()
        self.token_status.setObjectName("tokenStatus")
        self.token_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.token_edit, 1)
        row.addWidget(self.save_token_button)
        row.addWidget(self.forget_token_button)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.token_status)
        return box

    # -- the list ------------------------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        selected = self.selected_key()
        self.tree.blockSignals(True)
        self.tree.clear()
        self._bars.clear()
        groups = (
            (
                QCoreApplication.translate("ModelManager", "Built in"),
                [r for r in self.controller.rows if r.kind == "embedded"],
            ),
            (
                QCoreApplication.translate("ModelManager", "Recommended downloads"),
                [r for r in self.controller.rows if r.catalog and not r.catalog.embedded],
            ),
            (
                QCoreApplication.translate("ModelManager", "Your models"),
                [r for r in self.controller.rows if r.kind != "embedded" and r.catalog is None],
            ),
        )
        for title, rows in groups:
            if not rows:
                continue
            group = QTreeWidgetItem([title])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for row in rows:
                self._add_item(row)
        self.tree.blockSignals(False)
        self.select(selected or self.controller.rows[0].key)

    def _add_item(self, row: ModelRow) -> None:
        catalog = row.catalog
        memory = "—"
        if catalog is not None:
            memory = QCoreApplication.translate("ModelManager", "{ram} · {vram}").format(
                ram=format_bytes(catalog.ram_bytes), vram=format_bytes(catalog.vram_bytes)
            )
        size = self._size_text(row)
        licence = "—"
        if catalog is not None:
            licence = QCoreApplication.translate("Catalog", catalog.license) + (
                QCoreApplication.translate("ModelManager", " (gated)") if catalog.gated else ""
            )
        item = QTreeWidgetItem(
            [row.name, size, memory, _languages(catalog), licence, _uses_text(catalog), status_text(row)]
        )
        item.setData(0, KEY_ROLE, row.key)
        tip = row.repo_id or (str(row.entry.path) if row.entry and row.entry.path else "")
        item.setToolTip(0, tip)
        if catalog is not None:
            item.setToolTip(
                2, QCoreApplication.translate("ModelManager", "Memory on the CPU (float32) · on a GPU (bfloat16)")
            )
            item.setToolTip(
                3,
                joined(
                    QCoreApplication.translate("Languages", LANGUAGE_NAMES.get(code, code))
                    for code in catalog.languages
                ),
            )
            item.setToolTip(4, licence)
        if row.in_use:
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        self.tree.addTopLevelItem(item)
        if row.job is not None and row.job.active:
            bar = QProgressBar()
            bar.setRange(0, 1000)
            bar.setAccessibleName(
                QCoreApplication.translate("ModelManager", "Download progress of {name}").format(name=row.name)
            )
            bar.setMaximumHeight(self.tree.fontMetrics().height() + 2)
            bar.setTextVisible(True)
            self._bars[row.key] = bar
            self.tree.setItemWidget(item, len(COLUMNS) - 1, bar)
            self._fill_bar(bar, row)

    @staticmethod
    def _size_text(row: ModelRow) -> str:
        # Once the Hub has said how big the download is, that beats the catalog's estimate.
        if row.job is not None and row.job.progress is not None and row.job.progress.bytes_total:
            return format_bytes(row.job.progress.bytes_total)
        if row.kind == "partial" and row.entry is not None and row.entry.total_bytes:
            return format_bytes(row.entry.total_bytes)
        if not row.size_bytes:
            return "—"
        return ("≈ " if row.kind == "catalog" else "") + format_bytes(row.size_bytes)

    def _fill_bar(self, bar: QProgressBar, row: ModelRow) -> None:
        job = row.job
        if job is None:
            return
        fraction = job.progress.fraction if job.progress else None
        if fraction is None:
            bar.setRange(0, 0)  # busy, size not known yet
        else:
            bar.setRange(0, 1000)
            bar.setValue(round(fraction * 1000))
        bar.setFormat(status_text(row))
        bar.setToolTip(progress_text(job))

    def _item(self, key: str) -> QTreeWidgetItem | None:
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is not None and item.data(0, KEY_ROLE) == key:
                return item
        return None

    def select(self, key: str) -> None:
        item = self._item(key)
        if item is not None:
            self.tree.setCurrentItem(item)
        self._update_details()

    def selected_key(self) -> str:
        item = self.tree.currentItem()
        value = item.data(0, KEY_ROLE) if item is not None else None
        return value if isinstance(value, str) else ""

    def selected_row(self) -> ModelRow | None:
        key = self.selected_key()
        return self.controller.row(key) if key else None

    def _job_changed(self, repo_id: str) -> None:
        row = self.controller.row_for_repo(repo_id)
        if row is None:
            return
        bar = self._bars.get(row.key)
        active = row.job is not None and row.job.active
        if (bar is None) == active:  # a bar must appear or go: rebuild the row set
            self._rebuild()
            return
        if bar is not None:
            self._fill_bar(bar, row)
        item = self._item(row.key)
        if item is not None:
            item.setText(1, self._size_text(row))
            item.setText(len(COLUMNS) - 1, status_text(row))
        if row.key == self.selected_key():
            self._update_details()

    # -- details -------------------------------------------------------------------------------------------------
    def _update_details(self, *_args: object) -> None:
        row = self.selected_row()
        if row is None:
            self.details.setEnabled(False)
            return
        self.details.setEnabled(True)
        catalog = row.catalog
        self.title.setText(row.name)
        self.note.setText(QCoreApplication.translate("Catalog", catalog.note) if catalog else "")
        self.note.setVisible(bool(catalog))
        self.facts.setText(self._facts(row))
        job = row.job
        show_progress = job is not None
        self.progress.setVisible(show_progress)
        self.progress_label.setVisible(show_progress or bool(row.entry and row.entry.problem))
        if job is not None:
            fraction = job.progress.fraction if job.progress else None
            if fraction is None and job.active:
                self.progress.setRange(0, 0)
            else:
                self.progress.setRange(0, 1000)
                self.progress.setValue(round((fraction or 0) * 1000))
            self.progress.setFormat(f"{_percent(job.progress)}%")
            self.progress_label.setText(progress_text(job))
        elif row.entry is not None and row.entry.problem:
            self.progress_label.setText(QCoreApplication.translate("ModelLibrary", row.entry.problem))
        if job is not None and job.pickle_only:
            self.download_button.setText(QCoreApplication.translate("ModelManager", "&Download (pickled weights)…"))
        elif row.kind == "partial" or (job and job.state == "paused"):
            self.download_button.setText(QCoreApplication.translate("ModelManager", "&Resume download"))
        else:
            self.download_button.setText(QCoreApplication.translate("ModelManager", "&Download"))
        self.download_button.setVisible(row.can_download or (job is not None and not job.active))
        self.download_button.setEnabled(row.can_download)
        self.cancel_button.setVisible(row.can_cancel)
        self.delete_button.setVisible(row.kind != "embedded" and row.entry is not None)
        self.delete_button.setEnabled(row.can_delete)
        self.delete_button.setToolTip(
            QCoreApplication.translate("ModelManager", "Choose another model first: this one is in use.")
            if row.in_use or row.for_translate
            else QCoreApplication.translate("ModelManager", "Delete the selected model")
        )
        self.delete_button.setText(
            QCoreApplication.translate("ModelManager", "De&lete")
            if row.entry is None or row.entry.deletes_files
            else QCoreApplication.translate("ModelManager", "Remove from &list")
        )
        self.open_button.setEnabled(row.folder is not None and row.folder.exists())
        self.use_button.setEnabled(row.usable and not row.in_use)
        translates = catalog is None or catalog.suits("translate")
        self.translate_button.setEnabled(row.usable and not row.for_translate and translates)
        self.translate_button.setToolTip(
            QCoreApplication.translate("ModelManager", "Use the selected model for translation")
            if translates
            else QCoreApplication.translate(
                "ModelManager", "This model cannot translate; choose a multilingual one such as Qwen2.5."
            )
        )

    def _facts(self, row: ModelRow) -> str:
        parts: list[str] = []
        catalog = row.catalog
        if row.repo_id:
            parts.append(row.repo_id)
        elif row.entry is not None and row.entry.path is not None:
            parts.append(str(row.entry.path))
        if catalog is not None:
            parts.append(
                QCoreApplication.translate("ModelManager", "{params} parameters").format(params=catalog.params_text)
            )
            parts.append(
                QCoreApplication.translate("ModelManager", "context {tokens} tokens").format(
                    tokens=f"{catalog.context_length:,}"
                )
            )
            parts.append(catalog.license)
            if not catalog.embedded:
                parts.append(
                    QCoreApplication.translate("ModelManager", "download ≈ {size}").format(
                        size=format_bytes(catalog.download_bytes)
                    )
                )
            parts.append(
                QCoreApplication.translate(
                    "ModelManager", "needs ≈ {ram} of memory on the CPU, {vram} on a GPU"
                ).format(ram=format_bytes(catalog.ram_bytes), vram=format_bytes(catalog.vram_bytes))
            )
        text = " · ".join(parts)
        if catalog is not None and self._ram is not None and catalog.ram_bytes > 0.75 * self._ram:
            text += "\n" + QCoreApplication.translate(
                "ModelManager",
                "This computer has {ram} of memory: without a GPU this model will be slow or may not fit.",
            ).format(ram=format_bytes(self._ram))
        return text

    # -- actions -------------------------------------------------------------------------------------------------
    def _download_selected(self) -> None:
        row = self.selected_row()
        if row is None or not row.repo_id:
            return
        if row.job is not None and row.job.pickle_only:
            self.ask_pickle(row.repo_id)  # the Hub already said: only pickled files; no need to ask it again
        else:
            self.controller.download(row.repo_id)

    def _on_pickle_refused(self, repo_id: str) -> None:
        # A hidden dialog does not pop a question up over the main window; the notice says what happened, and
        # Download here asks.
        if self.isVisible():
            self.ask_pickle(repo_id)

    def ask_pickle(self, repo_id: str) -> bool:
        """Ask whether to allow pickled weights for `repo_id` only; on yes, download it with them."""
        row = self.controller.row_for_repo(repo_id)
        if not self.confirm_pickle(row.name if row is not None else repo_id):
            return False
        return self.controller.download(repo_id, allow_pickle=True)

    def start_download(self, repo_id: str) -> None:
        """Select `repo_id` and download it (the first-run notice's one click)."""
        self.controller.download(repo_id)
        row = self.controller.row_for_repo(repo_id)
        if row is not None:
            self.select(row.key)

    def _download_by_id(self) -> None:
        repo_id = self.hub_id.text().strip()
        if repo_id and self.controller.download(repo_id):
            self.hub_id.clear()
            row = self.controller.row_for_repo(repo_id)
            if row is not None:
                self.select(row.key)

    def _cancel_selected(self) -> None:
        row = self.selected_row()
        if row is not None and row.repo_id:
            self.controller.cancel(row.repo_id)

    def _delete_selected(self) -> None:
        row = self.selected_row()
        if row is not None and row.can_delete and self.confirm_delete(row):
            self.controller.delete(row.key)

    def _open_selected(self) -> None:
        row = self.selected_row()
        folder = row.folder if row is not None else None
        if folder is not None:
            self.open_path(folder)

    def _use_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.controller.choose(row.key)

    def _translate_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.controller.choose_for_translate(row.key)

    def _add_folder(self) -> None:
        folder = self.choose_folder()
        if folder is not None:
            self.controller.add_folder(folder)

    def _add_gguf(self) -> None:
        file = self.choose_gguf()
        if file is not None:
            self.controller.add_gguf(file)

    def _save_token(self) -> None:
        if self.token_edit.text().strip():
            self.controller.save_token(self.token_edit.text())
        self.token_edit.clear()  # never left on screen

    def _update_token(self) -> None:
        state = self.controller.token_state()
        text = state.message
        if state.session_only:
            text += " " + QCoreApplication.translate("ModelManager", "A token is set for this session.")
        self.token_status.setText(text)
        self.forget_token_button.setEnabled(state.stored or state.session_only)

    # -- platform dialogs (replaced in tests) ---------------------------------------------------------------------
    def _confirm_delete(self, row: ModelRow) -> bool:
        if row.entry is not None and not row.entry.deletes_files:
            return True  # only forgets it; nothing is lost
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("ModelManager", "Delete model"),
            QCoreApplication.translate(
                "ModelManager", "Delete {name} ({size}) from this computer? You can download it again later."
            ).format(name=row.name, size=format_bytes(row.entry.size_bytes if row.entry else 0)),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _confirm_pickle(self, name: str) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("ModelManager", "Allow pickled weights?"))
        box.setText(
            QCoreApplication.translate(
                "ModelManager", "{name} is published only as pickled PyTorch files (.bin)."
            ).format(name=name)
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "ModelManager",
                "Pickled weights can run code on your computer when the model is loaded. Only allow this for a "
                "model you trust, from a publisher you know. This applies to this model only.",
            )
        )
        allow = box.addButton(
            QCoreApplication.translate("ModelManager", "Allow for this model"), QMessageBox.ButtonRole.AcceptRole
        )
        allow.setAccessibleName(
            QCoreApplication.translate("ModelManager", "Allow pickled weights for this model and download it")
        )
        keep = box.addButton(
            QCoreApplication.translate("ModelManager", "Don't download"), QMessageBox.ButtonRole.RejectRole
        )
        keep.setAccessibleName(QCoreApplication.translate("ModelManager", "Do not download this model"))
        box.setDefaultButton(keep)  # Enter must not allow code to run
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is allow

    def _choose_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("ModelManager", "Choose a model folder")
        )
        return Path(name) if name else None

    def _choose_gguf(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("ModelManager", "Choose a GGUF file"),
            "",
            QCoreApplication.translate("ModelManager", "GGUF models (*.gguf)"),
        )
        return Path(name) if name else None

    @staticmethod
    def _open_path(path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
