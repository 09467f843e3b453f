<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>SmolLM2-135M-Instruct (the embedded model)</source>
        <translation>SmolLM2-135M-Instruct（内置模型）</translation>
    </message>
    <message>
        <source>Model weights by Hugging Face, shipped in GGUF form.</source>
        <translation>模型权重由 Hugging Face 提供，以 GGUF 格式随附。</translation>
    </message>
    <message>
        <source>Qt for Python (PySide6) and Qt</source>
        <translation>Qt for Python（PySide6）和 Qt</translation>
    </message>
    <message>
        <source>Used as unmodified shared libraries; you may replace them with your own build of the same version.</source>
        <translation>以未经修改的共享库形式使用；你可以用自己构建的同一版本替换它们。</translation>
    </message>
    <message>
        <source>Hugging Face Hub client</source>
        <translation>Hugging Face Hub 客户端</translation>
    </message>
    <message>
        <source>Lingua (language detection)</source>
        <translation>Lingua（语言检测）</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>关于 {app}</translation>
    </message>
    <message>
        <source>{app} version {version}</source>
        <translation>{app} 版本 {version}</translation>
    </message>
    <message>
        <source>A local-first AI writing desk. Your text stays on this computer.
Licensed under the Apache License 2.0.</source>
        <translation>一款本地优先的 AI 写作台。你的文字始终留在这台电脑上。
依据 Apache License 2.0 许可发布。</translation>
    </message>
    <message>
        <source>Third-party software included in this copy:</source>
        <translation>本副本包含的第三方软件：</translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation>第三方声明</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new document in a new tab</source>
        <translation>在新标签页中开始一篇新文档</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a Markdown or text file</source>
        <translation>打开 Markdown 或文本文件</translation>
    </message>
    <message>
        <source>&amp;Import Word Document…</source>
        <translation>导入 Word 文档(&amp;I)…</translation>
    </message>
    <message>
        <source>Import the text and headings of a .docx file as a new document</source>
        <translation>将 .docx 文件的文字和标题导入为新文档</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>保存文档</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save under a new name</source>
        <translation>以新名称保存</translation>
    </message>
    <message>
        <source>Reopen &amp;with Encoding…</source>
        <translation>以其他编码重新打开(&amp;W)…</translation>
    </message>
    <message>
        <source>Read the file again in another encoding, when its text shows as gibberish</source>
        <translation>文字显示为乱码时，用另一种编码重新读取文件</translation>
    </message>
    <message>
        <source>Save with Encodin&amp;g…</source>
        <translation>以其他编码保存(&amp;G)…</translation>
    </message>
    <message>
        <source>Save the file in another encoding, such as GB18030, Big5 or UTF-8</source>
        <translation>以另一种编码保存文件，例如 GB18030、Big5 或 UTF-8</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export as Markdown, text, HTML, Word or PDF</source>
        <translation>导出为 Markdown、文本、HTML、Word 或 PDF</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the document, with a preview</source>
        <translation>打印文档，带预览</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <source>Close the document</source>
        <translation>关闭文档</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close Inkwell</source>
        <translation>关闭 Inkwell</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find text in the document</source>
        <translation>在文档中查找文字</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>替换(&amp;R)…</translation>
    </message>
    <message>
        <source>Find and replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation>转到行(&amp;G)…</translation>
    </message>
    <message>
        <source>Jump to a line number</source>
        <translation>跳转到指定行号</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Word Wrap</source>
        <translation>自动换行(&amp;W)</translation>
    </message>
    <message>
        <source>Wrap long lines at the window edge</source>
        <translation>在窗口边缘折行显示长行</translation>
    </message>
    <message>
        <source>Markdown &amp;Preview</source>
        <translation>Markdown 预览(&amp;P)</translation>
    </message>
    <message>
        <source>Show the rendered Markdown beside the text</source>
        <translation>在文字旁显示渲染后的 Markdown</translation>
    </message>
    <message>
        <source>O&amp;utline</source>
        <translation>大纲(&amp;U)</translation>
    </message>
    <message>
        <source>The document&apos;s headings; click one to go there</source>
        <translation>文档的各级标题；点击即可跳转</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史版本(&amp;H)</translation>
    </message>
    <message>
        <source>Every saved or AI-edited version of the document; compare and restore</source>
        <translation>文档每次保存或经 AI 修改后的版本；可比较和恢复</translation>
    </message>
    <message>
        <source>&amp;Distraction-Free Mode</source>
        <translation>专注模式(&amp;D)</translation>
    </message>
    <message>
        <source>Full screen with only the text; the same key brings everything back</source>
        <translation>全屏，只显示文字；再按同一快捷键恢复全部界面</translation>
    </message>
    <message>
        <source>&amp;Summarize Pane</source>
        <translation>摘要面板(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Translate Pane</source>
        <translation>翻译面板(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Chat Pane</source>
        <translation>对话面板(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Continue Writing</source>
        <translation>续写(&amp;C)</translation>
    </message>
    <message>
        <source>Let the model continue from the cursor; Tab accepts, Esc discards</source>
        <translation>让模型从光标处接着写；Tab 接受，Esc 放弃</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stop the model</source>
        <translation>停止模型</translation>
    </message>
    <message>
        <source>&amp;Rewrite</source>
        <translation>改写(&amp;R)</translation>
    </message>
    <message>
        <source>Rewrite the selection more clearly</source>
        <translation>把选中内容改写得更清楚</translation>
    </message>
    <message>
        <source>&amp;Proofread</source>
        <translation>校对(&amp;P)</translation>
    </message>
    <message>
        <source>Fix spelling and grammar only</source>
        <translation>只修正拼写和语法</translation>
    </message>
    <message>
        <source>S&amp;horten</source>
        <translation>精简(&amp;H)</translation>
    </message>
    <message>
        <source>Make the selection shorter</source>
        <translation>让选中内容更简短</translation>
    </message>
    <message>
        <source>E&amp;xpand</source>
        <translation>扩写(&amp;X)</translation>
    </message>
    <message>
        <source>Develop the selection with more detail</source>
        <translation>为选中内容补充更多细节</translation>
    </message>
    <message>
        <source>Make &amp;Formal</source>
        <translation>改为正式语气(&amp;F)</translation>
    </message>
    <message>
        <source>Change the tone to formal</source>
        <translation>把语气改为正式</translation>
    </message>
    <message>
        <source>Make Frien&amp;dly</source>
        <translation>改为友好语气(&amp;D)</translation>
    </message>
    <message>
        <source>Change the tone to friendly</source>
        <translation>把语气改为友好</translation>
    </message>
    <message>
        <source>&amp;Translate Selection</source>
        <translation>翻译选中内容(&amp;T)</translation>
    </message>
    <message>
        <source>Translate the selection into the last-used language</source>
        <translation>把选中内容翻译成上次使用的语言</translation>
    </message>
    <message>
        <source>E&amp;xplain</source>
        <translation>解释(&amp;X)</translation>
    </message>
    <message>
        <source>Explain the selection in plain words</source>
        <translation>用通俗的话解释选中内容</translation>
    </message>
    <message>
        <source>&amp;Accept Change</source>
        <translation>接受改动(&amp;A)</translation>
    </message>
    <message>
        <source>Replace the original with this version</source>
        <translation>用这个版本替换原文</translation>
    </message>
    <message>
        <source>Insert &amp;Below</source>
        <translation>插入到下方(&amp;B)</translation>
    </message>
    <message>
        <source>Put the explanation below the passage</source>
        <translation>把解释放在该段落下方</translation>
    </message>
    <message>
        <source>&amp;Copy Result</source>
        <translation>复制结果(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the model&apos;s version</source>
        <translation>复制模型给出的版本</translation>
    </message>
    <message>
        <source>&amp;Reject Change</source>
        <translation>拒绝改动(&amp;R)</translation>
    </message>
    <message>
        <source>Keep the original</source>
        <translation>保留原文</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>重试(&amp;Y)</translation>
    </message>
    <message>
        <source>Ask the model again</source>
        <translation>让模型重新生成</translation>
    </message>
    <message>
        <source>&amp;Next Change</source>
        <translation>下一处改动(&amp;N)</translation>
    </message>
    <message>
        <source>Go to the next change of the review</source>
        <translation>转到审阅中的下一处改动</translation>
    </message>
    <message>
        <source>&amp;Previous Change</source>
        <translation>上一处改动(&amp;P)</translation>
    </message>
    <message>
        <source>Go to the previous change</source>
        <translation>转到上一处改动</translation>
    </message>
    <message>
        <source>&amp;Take Change</source>
        <translation>采纳此处改动(&amp;T)</translation>
    </message>
    <message>
        <source>Take this change, then go to the next one</source>
        <translation>采纳这处改动，然后转到下一处</translation>
    </message>
    <message>
        <source>&amp;Leave Change</source>
        <translation>保留此处原文(&amp;L)</translation>
    </message>
    <message>
        <source>Keep the original words here, then go on</source>
        <translation>此处保留原文，然后继续</translation>
    </message>
    <message>
        <source>Su&amp;mmarize</source>
        <translation>摘要(&amp;M)</translation>
    </message>
    <message>
        <source>Summarize the selection or the document</source>
        <translation>为选中内容或整篇文档生成摘要</translation>
    </message>
    <message>
        <source>As&amp;k About Selection</source>
        <translation>就选中内容提问(&amp;K)</translation>
    </message>
    <message>
        <source>Ask the chat about the selection</source>
        <translation>在对话中就选中内容提问</translation>
    </message>
    <message>
        <source>&amp;Custom Actions…</source>
        <translation>自定义操作(&amp;C)…</translation>
    </message>
    <message>
        <source>Add, edit or remove your own actions</source>
        <translation>添加、编辑或删除你自己的操作</translation>
    </message>
    <message>
        <source>&amp;Model Manager…</source>
        <translation>模型管理器(&amp;M)…</translation>
    </message>
    <message>
        <source>Choose, download and manage models</source>
        <translation>选择、下载和管理模型</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Show every shortcut</source>
        <translation>显示所有快捷键</translation>
    </message>
    <message>
        <source>&amp;Customize Shortcuts…</source>
        <translation>自定义快捷键(&amp;C)…</translation>
    </message>
    <message>
        <source>Copy &amp;Diagnostics</source>
        <translation>复制诊断信息(&amp;D)</translation>
    </message>
    <message>
        <source>Copy versions, device and recent log lines</source>
        <translation>复制版本、设备信息和最近的日志</translation>
    </message>
    <message>
        <source>&amp;About Inkwell</source>
        <translation>关于 Inkwell(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message>
        <source>{task} started.</source>
        <translation>{task}已开始。</translation>
    </message>
    <message>
        <source>{task} finished.</source>
        <translation>{task}已完成。</translation>
    </message>
    <message>
        <source>{task} stopped.</source>
        <translation>{task}已停止。</translation>
    </message>
    <message>
        <source>{task} failed.</source>
        <translation>{task}失败。</translation>
    </message>
    <message>
        <source>Continue writing</source>
        <translation>续写</translation>
    </message>
    <message>
        <source>Tab keeps the text, Escape discards it.</source>
        <translation>按 Tab 保留这段文字，按 Escape 放弃。</translation>
    </message>
    <message>
        <source>The editing action</source>
        <translation>编辑操作</translation>
    </message>
    <message>
        <source>The summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>The translation</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>The answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>The change is ready to review.</source>
        <translation>改动已可以审阅。</translation>
    </message>
    <message>
        <source>The message is too long for the model.</source>
        <translation>消息太长，模型无法处理。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Something went wrong inside Inkwell ({error}). Your text is safe.</source>
        <translation>Inkwell 内部出错（{error}）。你的文字是安全的。</translation>
    </message>
</context>
<context>
    <name>Asker</name>
    <message>
        <source>Save the changes to {name} before closing?</source>
        <translation>关闭前是否保存对 {name} 的更改？</translation>
    </message>
    <message>
        <source>Open it as Windows-1252 text?</source>
        <translation>以 Windows-1252 文本打开吗？</translation>
    </message>
    <message>
        <source>{name} was changed by another program.</source>
        <translation>{name} 已被其他程序修改。</translation>
    </message>
    <message>
        <source>Reload it from disk, or keep the text you have here?</source>
        <translation>从磁盘重新载入，还是保留这里的文字？</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Save it as UTF-8 instead? UTF-8 holds every character; some old programs cannot read it.</source>
        <translation>改为以 UTF-8 保存吗？UTF-8 能保存所有字符；一些旧程序无法读取它。</translation>
    </message>
    <message>
        <source>Save as UTF-8</source>
        <translation>以 UTF-8 保存</translation>
    </message>
    <message>
        <source>Read {name} again as {encoding}? Your unsaved changes to it are replaced by the file&apos;s text.</source>
        <translation>以 {encoding} 重新读取 {name} 吗？你未保存的更改将被文件中的文字取代。</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>SmolLM2-135M-Instruct (built in)</source>
        <translation>SmolLM2-135M-Instruct（内置）</translation>
    </message>
    <message>
        <source>Always available, works offline. It is small: good for continuing and summarizing short English text, not for translation or Chinese. Download a recommended model for those.</source>
        <translation>随时可用，无需联网。它很小：适合续写和摘要较短的英文文字，不适合翻译或中文。如需这些功能，请下载推荐的模型。</translation>
    </message>
    <message>
        <source>Small and quick, multilingual including Chinese; translations are usable for short, plain text.</source>
        <translation>小巧快速，支持多种语言（包括中文）；翻译简短、朴素的文字效果尚可。</translation>
    </message>
    <message>
        <source>The recommended all-rounder: chat, summaries and translation in 29+ languages including Chinese.</source>
        <translation>推荐的全能型模型：对话、摘要和翻译，支持包括中文在内的 29 种以上语言。</translation>
    </message>
    <message>
        <source>Qwen Research License (non-commercial)</source>
        <translation>Qwen 研究许可证（非商业）</translation>
    </message>
    <message>
        <source>Better writing and translation than 1.5B, but needs twice the memory; not for commercial use.</source>
        <translation>写作和翻译比 1.5B 更好，但需要两倍内存；不可用于商业用途。</translation>
    </message>
    <message>
        <source>A step up from the built-in model for English, still light enough for any computer.</source>
        <translation>英文能力比内置模型更进一步，依然足够轻巧，任何电脑都能运行。</translation>
    </message>
    <message>
        <source>Good English writing and summaries; not for translation.</source>
        <translation>英文写作和摘要表现不错；不适合翻译。</translation>
    </message>
    <message>
        <source>Llama 3.2 Community License</source>
        <translation>Llama 3.2 社区许可证</translation>
    </message>
    <message>
        <source>Eight languages (no Chinese). Gated: accept Meta&apos;s licence on Hugging Face and add your token first.</source>
        <translation>支持八种语言（不含中文）。需授权：请先在 Hugging Face 上接受 Meta 的许可并添加你的令牌。</translation>
    </message>
    <message>
        <source>Stronger than 1B in the same eight languages. Gated: accept the licence and add your token first.</source>
        <translation>同样支持这八种语言，比 1B 更强。需授权：请先接受许可并添加你的令牌。</translation>
    </message>
    <message>
        <source>Gemma Terms of Use</source>
        <translation>Gemma 使用条款</translation>
    </message>
    <message>
        <source>Mainly English (the larger Gemma 3 models are the multilingual ones). Gated: accept the terms first.</source>
        <translation>以英文为主（较大的 Gemma 3 模型才支持多语言）。需授权：请先接受条款。</translation>
    </message>
</context>
<context>
    <name>Chat</name>
    <message>
        <source>Your saved conversations could not be read: the file is damaged. Inkwell started a new, empty list.</source>
        <translation>无法读取你保存的对话：文件已损坏。Inkwell 已新建一个空列表。</translation>
    </message>
    <message>
        <source>The damaged file was kept as {name} in {folder}.</source>
        <translation>损坏的文件已保留为 {folder} 中的 {name}。</translation>
    </message>
    <message>
        <source>Your saved conversations are in use by another program (perhaps another Inkwell window). Chats in this window are kept only until it closes. Close the other program and restart Inkwell to see them again.</source>
        <translation>你保存的对话正被其他程序使用（可能是另一个 Inkwell 窗口）。此窗口中的对话只保留到窗口关闭为止。请关闭另一个程序并重新启动 Inkwell 以再次看到它们。</translation>
    </message>
    <message>
        <source>A copy was kept as {name} in {folder}.</source>
        <translation>已在 {folder} 中保留一份副本，名为 {name}。</translation>
    </message>
    <message>
        <source>Your conversations were saved by a newer version of Inkwell. They are shown read-only: new chats are not saved. Update Inkwell to continue them.</source>
        <translation>你的对话由更新版本的 Inkwell 保存。它们以只读方式显示：新的对话不会被保存。请更新 Inkwell 以继续这些对话。</translation>
    </message>
    <message>
        <source>Your conversations were saved by a newer version of Inkwell that this version cannot read. They are left untouched; chats in this window are kept only until it closes. Update Inkwell to see them.</source>
        <translation>你的对话由更新版本的 Inkwell 保存，当前版本无法读取。它们保持原样；此窗口中的对话只保留到窗口关闭为止。请更新 Inkwell 以查看它们。</translation>
    </message>
    <message>
        <source>Your saved conversations could not be opened (the file or its folder cannot be written). They are left untouched; chats in this window are kept only until it closes.</source>
        <translation>无法打开你保存的对话（文件或其所在文件夹无法写入）。它们保持原样；此窗口中的对话只保留到窗口关闭为止。</translation>
    </message>
    <message>
        <source>The system prompt is too long for this model: {approx}{tokens:,} tokens, but at most {limit:,} are allowed. Shorten it.</source>
        <translation>系统提示词对此模型来说太长：{approx}{tokens:,} 个词元，但最多只允许 {limit:,} 个。请缩短它。</translation>
    </message>
    <message>
        <source>This message is {approx}{tokens:,} tokens long, but the model reads at most {context:,} tokens at once (with room for the answer, {limit:,} for your message). Use it as context for a question: Inkwell then gives the model the passages that best match what you ask.</source>
        <translation>这条消息有 {approx}{tokens:,} 个词元，但模型一次最多只能读取 {context:,} 个词元（留出回答的空间后，你的消息最多 {limit:,} 个）。可将它作为提问的上下文：Inkwell 会把与你的问题最相关的段落交给模型。</translation>
    </message>
    <message>
        <source>Your conversations could not be opened ({error}). Chats in this window will not be saved.</source>
        <translation>无法打开你的对话（{error}）。此窗口中的对话将不会被保存。</translation>
    </message>
    <message>
        <source>Inkwell could not save the conversation ({error}). The chat goes on, but recent messages may be missing after a restart. Check free disk space and the permissions of the data folder.</source>
        <translation>Inkwell 无法保存对话（{error}）。对话可以继续，但重新启动后最近的消息可能会丢失。请检查磁盘剩余空间和数据文件夹的权限。</translation>
    </message>
    <message>
        <source>The conversation could not be exported: {reason}</source>
        <translation>无法导出对话：{reason}</translation>
    </message>
    <message>
        <source>Conversation saved as {name}.</source>
        <translation>对话已保存为 {name}。</translation>
    </message>
    <message>
        <source>Select some text in the document first, then ask about it.</source>
        <translation>请先在文档中选中一些文字，然后再就其提问。</translation>
    </message>
    <message>
        <source>The message could not be prepared for the model ({error}). Try again.</source>
        <translation>无法为模型准备这条消息（{error}）。请重试。</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Passage [{n}] is from text you attached, not from the document.</source>
        <translation>段落 [{n}] 来自你附加的文字，而不是文档。</translation>
    </message>
    <message>
        <source>Passage [{n}] is no longer in the document: it was changed, or another document is open.</source>
        <translation>段落 [{n}] 已不在文档中：它已被修改，或打开了另一篇文档。</translation>
    </message>
    <message>
        <source>{count} earlier messages no longer fit the model&apos;s context and were left out of this answer.</source>
        <translation>之前的 {count} 条消息已超出模型的上下文，这次回答没有考虑它们。</translation>
    </message>
    <message>
        <source>The text is longer than the model&apos;s context: it was given the {used} best-matching of {total} passages.</source>
        <translation>文字长度超过了模型的上下文：模型拿到的是 {total} 个段落中最相关的 {used} 个。</translation>
    </message>
    <message>
        <source>There was no room left for the document in the model&apos;s context; this answer ignores it.</source>
        <translation>模型的上下文已没有空间容纳文档；这次回答没有参考文档。</translation>
    </message>
</context>
<context>
    <name>ChatInput</name>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Enter sends the message; Shift+Enter starts a new line; Up in an empty box brings back your last message.</source>
        <translation>Enter 发送消息；Shift+Enter 换行；输入框为空时按 Up 键可找回你的上一条消息。</translation>
    </message>
    <message>
        <source>Message the model — Enter sends, Shift+Enter adds a line</source>
        <translation>给模型发消息 — Enter 发送，Shift+Enter 换行</translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>System prompt preset</source>
        <translation>系统提示词预设</translation>
    </message>
    <message>
        <source>How the model should behave in this conversation</source>
        <translation>模型在此对话中应如何表现</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Show the system prompt</source>
        <translation>显示系统提示词</translation>
    </message>
    <message>
        <source>Show and edit this conversation&apos;s system prompt</source>
        <translation>显示并编辑此对话的系统提示词</translation>
    </message>
    <message>
        <source>Ask about the document</source>
        <translation>就文档提问</translation>
    </message>
    <message>
        <source>Ground answers in the open document (or its selection); answers cite the passages they used</source>
        <translation>根据打开的文档（或其选中内容）回答；回答会注明所用的段落</translation>
    </message>
    <message>
        <source>Instructions the model follows throughout this conversation</source>
        <translation>模型在整个对话中都会遵循的指示</translation>
    </message>
    <message>
        <source>Use as context</source>
        <translation>用作上下文</translation>
    </message>
    <message>
        <source>Use the long text as context for a question</source>
        <translation>将这段长文字用作提问的上下文</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Remove the attached text</source>
        <translation>移除附加的文字</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>取消编辑</translation>
    </message>
    <message>
        <source>Chat status</source>
        <translation>对话状态</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Regenerate the last answer</source>
        <translation>重新生成上一条回答</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <source>&amp;New Conversation</source>
        <translation>新建对话(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Regenerate Answer</source>
        <translation>重新生成回答(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy Last Answer</source>
        <translation>复制上一条回答(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Insert Last Answer into Document</source>
        <translation>将上一条回答插入文档(&amp;I)</translation>
    </message>
    <message>
        <source>Export as &amp;Markdown…</source>
        <translation>导出为 Markdown(&amp;M)…</translation>
    </message>
    <message>
        <source>Export as &amp;JSON…</source>
        <translation>导出为 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Ask About the &amp;Document</source>
        <translation>就文档提问(&amp;D)</translation>
    </message>
    <message>
        <source>Wait for the answer to finish (or stop it) before regenerating.</source>
        <translation>请等回答结束（或停止它）后再重新生成。</translation>
    </message>
    <message>
        <source>Wait for the answer to finish (or stop it) before editing a message.</source>
        <translation>请等回答结束（或停止它）后再编辑消息。</translation>
    </message>
    <message>
        <source>Editing an earlier message: sending replaces it and everything after it. Esc cancels.</source>
        <translation>正在编辑之前的消息：发送后会替换它以及它之后的所有内容。按 Esc 取消。</translation>
    </message>
    <message>
        <source>Ask anything. Turn on “Ask about the document” to ask about the open document, or select text and press Ctrl+Shift+K.</source>
        <translation>有问题尽管问。打开“就文档提问”可以询问打开的文档，或选中文字后按 Ctrl+Shift+K。</translation>
    </message>
    <message>
        <source>Preparing the prompt…</source>
        <translation>正在准备提示词…</translation>
    </message>
    <message>
        <source>Waiting for the model…</source>
        <translation>正在等待模型…</translation>
    </message>
    <message>
        <source>Writing… (Esc stops)</source>
        <translation>正在撰写…（按 Esc 停止）</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>停止回答</translation>
    </message>
    <message>
        <source>Your next question is about: “{text}” ({count:,} characters)</source>
        <translation>你的下一个问题针对：“{text}”（{count:,} 个字符）</translation>
    </message>
    <message>
        <source>Ask a question about the attached text</source>
        <translation>就附加的文字提问</translation>
    </message>
    <message>
        <source>{model} has no chat template, so Inkwell sends the conversation as a plain transcript (“User: … Assistant: …”). Answers may be weaker than with a chat (instruct) model.</source>
        <translation>{model} 没有对话模板，因此 Inkwell 将对话作为纯文本记录发送（“User: … Assistant: …”）。回答可能不如对话（指令）模型好。</translation>
    </message>
    <message>
        <source>Inkwell opens only web links (http and https); this one was not opened: {url}</source>
        <translation>Inkwell 只打开网页链接（http 和 https）；此链接未打开：{url}</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export Conversation</source>
        <translation>导出对话</translation>
    </message>
</context>
<context>
    <name>ChatPresets</name>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Translator</source>
        <translation>译者</translation>
    </message>
    <message>
        <source>Tutor</source>
        <translation>导师</translation>
    </message>
</context>
<context>
    <name>ChatSidebar</name>
    <message>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>开始新对话</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Rename the selected conversation</source>
        <translation>重命名所选对话</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected conversation</source>
        <translation>删除所选对话</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Bring the deleted conversation back</source>
        <translation>恢复已删除的对话</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Deleted “{title}”.</source>
        <translation>已删除“{title}”。</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>导出为 Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>导出为 JSON…</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>{n} tokens</source>
        <translation>{n} 个词元</translation>
    </message>
    <message>
        <source>{speed:.1f} tokens/s</source>
        <translation>{speed:.1f} 词元/秒</translation>
    </message>
    <message>
        <source>prompt {n} ({cached} reused)</source>
        <translation>提示词 {n}（复用 {cached}）</translation>
    </message>
    <message>
        <source>prompt {n}</source>
        <translation>提示词 {n}</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>cut at the length limit</source>
        <translation>在长度上限处截断</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Insert into document</source>
        <translation>插入文档</translation>
    </message>
    <message>
        <source>About: “{text}”</source>
        <translation>关于：“{text}”</translation>
    </message>
    <message>
        <source>Sources (click to select the passage in the document):</source>
        <translation>来源（点击即可在文档中选中该段落）：</translation>
    </message>
</context>
<context>
    <name>ContinueWriting</name>
    <message>
        <source>Write a few words first: the model continues the text before the cursor.</source>
        <translation>请先写几个字：模型会接着光标前的文字往下写。</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message>
        <source>{n} words</source>
        <translation>{n} 字</translation>
    </message>
    <message>
        <source>counting words…</source>
        <translation>正在统计字数…</translation>
    </message>
    <message>
        <source>{n} chars ({m} without spaces)</source>
        <translation>{n} 个字符（不含空格 {m} 个）</translation>
    </message>
    <message>
        <source>{n} tokens</source>
        <translation>{n} 个词元</translation>
    </message>
    <message>
        <source>Selected {sel} of {doc}</source>
        <translation>已选中 {sel}，共 {doc}</translation>
    </message>
</context>
<context>
    <name>CustomActions</name>
    <message>
        <source>Give the action a name.</source>
        <translation>请给这个操作起个名字。</translation>
    </message>
    <message>
        <source>Write the prompt the model should follow; put {text} where the selected text goes.</source>
        <translation>写下模型应遵循的提示词；用 {text} 表示选中文字所在的位置。</translation>
    </message>
    <message>
        <source>Custom Actions</source>
        <translation>自定义操作</translation>
    </message>
    <message>
        <source>Your actions</source>
        <translation>你的操作</translation>
    </message>
    <message>
        <source>Action name</source>
        <translation>操作名称</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>For example: Turn {text} into a numbered list of steps.</source>
        <translation>例如：把 {text} 改写成带编号的步骤列表。</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save Action</source>
        <translation>保存操作(&amp;S)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Prompt ({text} is the selection):</source>
        <translation>提示词（{text} 代表选中内容）：</translation>
    </message>
    <message>
        <source>Shortcut (optional):</source>
        <translation>快捷键（可选）：</translation>
    </message>
    <message>
        <source>{key} is already the shortcut of “{name}”. Choose another one, or change that one in Help → Customize Shortcuts.</source>
        <translation>{key} 已是“{name}”的快捷键。请换一个，或在 帮助 → 自定义快捷键 中修改那个快捷键。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Untitled {n}</source>
        <translation>未命名 {n}</translation>
    </message>
</context>
<context>
    <name>DocumentHistory</name>
    <message>
        <source>Before restoring {when}</source>
        <translation>恢复 {when} 的版本之前</translation>
    </message>
    <message>
        <source>Restored {when}</source>
        <translation>已恢复 {when} 的版本</translation>
    </message>
    <message>
        <source>The version history could not be read or written ({error}).</source>
        <translation>无法读取或写入版本历史（{error}）。</translation>
    </message>
</context>
<context>
    <name>DocumentTabs</name>
    <message>
        <source>Close {title}</source>
        <translation>关闭 {title}</translation>
    </message>
</context>
<context>
    <name>Downloads</name>
    <message>
        <source>This model is published only as pickled PyTorch files (.bin), which can run code when they are loaded. Inkwell downloads them only if you allow it for this model.</source>
        <translation>该模型只以 pickle 格式的 PyTorch 文件（.bin）发布，这类文件在加载时可以执行代码。只有在你为该模型明确允许时，Inkwell 才会下载它们。</translation>
    </message>
    <message>
        <source>This repository has no Transformers model Inkwell can use (it needs config.json and safetensors weights). Choose another model.</source>
        <translation>这个仓库里没有 Inkwell 能使用的 Transformers 模型（需要 config.json 和 safetensors 权重）。请选择其他模型。</translation>
    </message>
    <message>
        <source>This repository has no tokenizer, so Inkwell cannot use it.</source>
        <translation>这个仓库没有分词器，Inkwell 无法使用它。</translation>
    </message>
    <message>
        <source>{repo_id} is being downloaded. Cancel the download first.</source>
        <translation>正在下载 {repo_id}。请先取消下载。</translation>
    </message>
    <message>
        <source>“{repo_id}” is not a Hugging Face model id. Ids look like owner/name, for example Qwen/Qwen2.5-1.5B-Instruct.</source>
        <translation>“{repo_id}”不是 Hugging Face 模型 ID。ID 的格式是 所有者/名称，例如 Qwen/Qwen2.5-1.5B-Instruct。</translation>
    </message>
    <message>
        <source>The Hub did not say which version of {repo_id} to download.</source>
        <translation>Hub 没有说明要下载 {repo_id} 的哪个版本。</translation>
    </message>
    <message>
        <source>{repo_id} is already being downloaded, by this window or another Inkwell. Wait for it to finish or cancel it there.</source>
        <translation>{repo_id} 已经在下载中（由本窗口或另一个 Inkwell）。请等它完成，或在那里取消。</translation>
    </message>
    <message>
        <source>{file} of {repo_id} arrived damaged twice (its checksum does not match the Hub&apos;s). Try again later, or from another network.</source>
        <translation>{repo_id} 的文件 {file} 两次下载都已损坏（校验和与 Hub 上的不一致）。请稍后重试，或换一个网络。</translation>
    </message>
    <message>
        <source>Not enough disk space for {repo_id}: it needs {needed} more, and only {free} is free in {folder}. Free some space, then try again.</source>
        <translation>磁盘空间不足，无法下载 {repo_id}：还需要 {needed}，而 {folder} 中只有 {free} 可用。请腾出一些空间后重试。</translation>
    </message>
    <message>
        <source>{repo_id} is gated: its authors ask you to accept their licence first. Accept it on {page} while logged in to Hugging Face, then add your access token in the Model manager and try again.</source>
        <translation>{repo_id} 需要授权：作者要求你先接受他们的许可。请登录 Hugging Face 后在 {page} 上接受许可，然后在模型管理器中添加你的访问令牌并重试。</translation>
    </message>
    <message>
        <source>Your Hugging Face token has no access to {repo_id} yet. Accept the licence on {page} with the account the token belongs to (approval can take a while), then try again.</source>
        <translation>你的 Hugging Face 令牌还没有 {repo_id} 的访问权限。请用该令牌所属的账户在 {page} 上接受许可（审批可能需要一些时间），然后重试。</translation>
    </message>
    <message>
        <source>That version of {repo_id} does not exist on the Hub.</source>
        <translation>Hub 上不存在 {repo_id} 的这个版本。</translation>
    </message>
    <message>
        <source>A file of {repo_id} is no longer on the Hub. Delete the download and start again.</source>
        <translation>{repo_id} 的某个文件已不在 Hub 上。请删除这次下载并重新开始。</translation>
    </message>
    <message>
        <source>There is no model {repo_id} on {host}, or it is private. Check the name; for a private model, add an access token that may read it.</source>
        <translation>{host} 上没有模型 {repo_id}，或者它是私有的。请检查名称；对于私有模型，请添加有读取权限的访问令牌。</translation>
    </message>
    <message>
        <source>Hugging Face did not accept your access token. Check it in the Model manager, or remove it to download public models.</source>
        <translation>Hugging Face 不接受你的访问令牌。请在模型管理器中检查它，或者删除它以下载公开模型。</translation>
    </message>
    <message>
        <source>Hugging Face refused access to {repo_id} (HTTP 403). Check that your token may read this model.</source>
        <translation>Hugging Face 拒绝访问 {repo_id}（HTTP 403）。请确认你的令牌有权读取该模型。</translation>
    </message>
    <message>
        <source>There is no model {repo_id} on {host}. Check the name.</source>
        <translation>{host} 上没有模型 {repo_id}。请检查名称。</translation>
    </message>
    <message>
        <source>The Hugging Face Hub answered with an error (HTTP {status}). Try again later; the download continues where it stopped.</source>
        <translation>Hugging Face Hub 返回了错误（HTTP {status}）。请稍后重试；下载会从中断处继续。</translation>
    </message>
    <message>
        <source>Downloads are switched off on this computer (HF_HUB_OFFLINE is set). Unset it to download.</source>
        <translation>这台电脑上已关闭下载（设置了 HF_HUB_OFFLINE）。取消该设置后即可下载。</translation>
    </message>
    <message>
        <source>The download of {repo_id} stalled: no data arrived for {seconds} seconds, even after several retries. Check your connection and press Resume; it continues where it stopped.</source>
        <translation>{repo_id} 的下载停滞：重试多次后仍有 {seconds} 秒没有收到数据。请检查网络连接并按“继续下载”；下载会从中断处继续。</translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <source>the name could not be looked up</source>
        <translation>无法解析主机名</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>没有网络连接</translation>
    </message>
    <message>
        <source>Could not connect to the Hugging Face Hub at {host} ({reason}). Check your internet connection or proxy, then press Resume; the download continues where it stopped.</source>
        <translation>无法连接到位于 {host} 的 Hugging Face Hub（{reason}）。请检查网络连接或代理，然后按“继续下载”；下载会从中断处继续。</translation>
    </message>
    <message>
        <source>The connection to the Hugging Face Hub kept breaking off. Press Resume to continue where it stopped.</source>
        <translation>与 Hugging Face Hub 的连接不断中断。按“继续下载”可从中断处接着下载。</translation>
    </message>
    <message>
        <source>The disk is full: there is no room left in {folder}. Free some space and press Resume; the download continues where it stopped.</source>
        <translation>磁盘已满：{folder} 中没有剩余空间。请腾出一些空间后按“继续下载”；下载会从中断处继续。</translation>
    </message>
    <message>
        <source>A file of {repo_id} arrived incomplete. Press Resume to fetch the rest.</source>
        <translation>{repo_id} 的一个文件下载不完整。按“继续下载”获取剩余部分。</translation>
    </message>
    <message>
        <source>Inkwell could not write the model to {folder} ({reason}). Check that folder.</source>
        <translation>Inkwell 无法把模型写入 {folder}（{reason}）。请检查该文件夹。</translation>
    </message>
    <message>
        <source>The download of {repo_id} failed unexpectedly ({error}). Press Resume to try again; the log has the details.</source>
        <translation>{repo_id} 的下载意外失败（{error}）。按“继续下载”重试；详细信息见日志。</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>Document text</source>
        <translation>文档正文</translation>
    </message>
    <message>
        <source>The model continues your text from the cursor (AI menu, Continue Writing). Its text stays in italics until Tab keeps it or Escape discards it.</source>
        <translation>模型会从光标处接着写你的文字（AI 菜单 → 续写）。它写出的文字以斜体显示，直到按 Tab 保留或按 Escape 放弃。</translation>
    </message>
    <message>
        <source>Start writing. Press Ctrl+Enter and the model continues from the cursor.</source>
        <translation>开始写作吧。按 Ctrl+Enter，模型会从光标处接着写。</translation>
    </message>
</context>
<context>
    <name>EncodingDialog</name>
    <message>
        <source>Unicode, every language</source>
        <translation>Unicode，适用于所有语言</translation>
    </message>
    <message>
        <source>Unicode, with a byte order mark (Windows Notepad)</source>
        <translation>Unicode，带字节顺序标记（Windows 记事本）</translation>
    </message>
    <message>
        <source>Unicode, two bytes per character</source>
        <translation>Unicode，每个字符两个字节</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Simplified Chinese, older programs</source>
        <translation>简体中文，较旧的程序</translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation>繁体中文</translation>
    </message>
    <message>
        <source>Traditional Chinese, Hong Kong</source>
        <translation>繁体中文，香港</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日语</translation>
    </message>
    <message>
        <source>Japanese (Unix)</source>
        <translation>日语（Unix）</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩语</translation>
    </message>
    <message>
        <source>Western European</source>
        <translation>西欧语言</translation>
    </message>
    <message>
        <source>Western European (Latin-1)</source>
        <translation>西欧语言（Latin-1）</translation>
    </message>
    <message>
        <source>Central European</source>
        <translation>中欧语言</translation>
    </message>
    <message>
        <source>Cyrillic</source>
        <translation>西里尔文</translation>
    </message>
    <message>
        <source>Cyrillic (KOI8-R)</source>
        <translation>西里尔文（KOI8-R）</translation>
    </message>
    <message>
        <source>Save with Encoding</source>
        <translation>以其他编码保存</translation>
    </message>
    <message>
        <source>Reopen with Encoding</source>
        <translation>以其他编码重新打开</translation>
    </message>
    <message>
        <source>Save {name} in this encoding:</source>
        <translation>以此编码保存 {name}：</translation>
    </message>
    <message>
        <source>Read {name} again as:</source>
        <translation>将 {name} 重新读取为：</translation>
    </message>
    <message>
        <source>Encodings</source>
        <translation>编码</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>Fast CPU path: {kinds} weights and a lean decode loop (several times faster; results are close to, not identical with, float32). Choose float32 under Precision for exact float32 results.</source>
        <translation>CPU 快速路径：{kinds} 权重加精简的解码循环（快好几倍；结果接近但不完全等同于 float32）。如需与 float32 完全一致的结果，请在“精度”中选择 float32。</translation>
    </message>
    <message>
        <source>This PyTorch build ({version}) has no CUDA support; install a CUDA build to use an NVIDIA GPU.</source>
        <translation>此 PyTorch 版本（{version}）不支持 CUDA；要使用 NVIDIA GPU，请安装支持 CUDA 的版本。</translation>
    </message>
    <message>
        <source>CPU-only PyTorch</source>
        <translation>仅支持 CPU 的 PyTorch</translation>
    </message>
    <message>
        <source>CUDA was requested but is unavailable: This PyTorch build ({version}) has no CUDA support; install a CUDA build to use an NVIDIA GPU.</source>
        <translation>已请求使用 CUDA，但它不可用：此 PyTorch 版本（{version}）不支持 CUDA；要使用 NVIDIA GPU，请安装支持 CUDA 的版本。</translation>
    </message>
    <message>
        <source>PyTorch found no usable NVIDIA GPU (no GPU, or the driver is missing or too old).</source>
        <translation>PyTorch 没有找到可用的 NVIDIA GPU（没有 GPU，或驱动缺失或过旧）。</translation>
    </message>
    <message>
        <source>no NVIDIA GPU found</source>
        <translation>未找到 NVIDIA GPU</translation>
    </message>
    <message>
        <source>CUDA was requested but is unavailable: PyTorch found no usable NVIDIA GPU (no GPU, or the driver is missing or too old).</source>
        <translation>已请求使用 CUDA，但它不可用：PyTorch 没有找到可用的 NVIDIA GPU（没有 GPU，或驱动缺失或过旧）。</translation>
    </message>
    <message>
        <source>The CPU was chosen in Settings.</source>
        <translation>在设置中选择了 CPU。</translation>
    </message>
    <message>
        <source>CPU chosen in Settings</source>
        <translation>设置中选择了 CPU</translation>
    </message>
    <message>
        <source>CUDA device {index} does not exist ({count} found).</source>
        <translation>CUDA 设备 {index} 不存在（共找到 {count} 个）。</translation>
    </message>
    <message>
        <source>no cuda:{index}</source>
        <translation>没有 cuda:{index}</translation>
    </message>
    <message>
        <source>Apple Metal (MPS) was requested but is not available here.</source>
        <translation>已请求 Apple Metal（MPS），但此处不可用。</translation>
    </message>
    <message>
        <source>MPS unavailable</source>
        <translation>MPS 不可用</translation>
    </message>
    <message>
        <source>This GPU does not support bfloat16, so the model runs in float16.</source>
        <translation>这块 GPU 不支持 bfloat16，因此模型以 float16 运行。</translation>
    </message>
    <message>
        <source>float16 is not practical on the CPU, so the model runs in float32.</source>
        <translation>float16 在 CPU 上不实用，因此模型以 float32 运行。</translation>
    </message>
    <message>
        <source>The model description (config.json) in {folder} cannot be read. Download or convert the model again.</source>
        <translation>无法读取 {folder} 中的模型描述（config.json）。请重新下载或转换该模型。</translation>
    </message>
    <message>
        <source>The model in {folder} needs to run its own Python code ({architecture} architecture), which Inkwell never allows. Choose a model that Transformers supports natively.</source>
        <translation>{folder} 中的模型需要运行它自带的 Python 代码（{architecture} 架构），Inkwell 从不允许这样做。请选择 Transformers 原生支持的模型。</translation>
    </message>
    <message>
        <source>The model in {folder} has an architecture ({architecture}) that the installed Transformers {version} does not support. Choose another model.</source>
        <translation>{folder} 中的模型采用的架构（{architecture}）不受已安装的 Transformers {version} 支持。请选择其他模型。</translation>
    </message>
    <message>
        <source>The embedded model is not installed. Install it with: {command}</source>
        <translation>内置模型未安装。请用以下命令安装：{command}</translation>
    </message>
    <message>
        <source>There is no model file at {path}.</source>
        <translation>{path} 处没有模型文件。</translation>
    </message>
    <message>
        <source>{path} is not a model folder (it has no config.json). Choose a folder with a Transformers model, or a .gguf file.</source>
        <translation>{path} 不是模型文件夹（其中没有 config.json）。请选择包含 Transformers 模型的文件夹，或一个 .gguf 文件。</translation>
    </message>
    <message>
        <source>There is no model at {path}. Choose a folder with a Transformers model, a .gguf file, or a Hugging Face model id such as Qwen/Qwen2.5-1.5B-Instruct.</source>
        <translation>{path} 处没有模型。请选择包含 Transformers 模型的文件夹、一个 .gguf 文件，或 Hugging Face 模型 ID（例如 Qwen/Qwen2.5-1.5B-Instruct）。</translation>
    </message>
    <message>
        <source>Loading {name}…</source>
        <translation>正在加载 {name}…</translation>
    </message>
    <message>
        <source>The model did not fit in the GPU&apos;s memory, so it runs on the CPU (slower). Choose a smaller model, or close programs that use the GPU, to run it there. ({error})</source>
        <translation>模型装不进 GPU 显存，因此改在 CPU 上运行（较慢）。要在 GPU 上运行，请选择更小的模型，或关闭占用 GPU 的程序。（{error}）</translation>
    </message>
    <message>
        <source>GPU out of memory</source>
        <translation>GPU 显存不足</translation>
    </message>
    <message>
        <source>Preparing {name} for fast CPU decoding…</source>
        <translation>正在为 CPU 快速解码准备 {name}…</translation>
    </message>
    <message>
        <source>llama.cpp runs this GGUF model as stored ({kinds} weights): several times faster on the CPU, with results close to, not identical with, float32. Choose float32 under Precision for exact float32 results.</source>
        <translation>llama.cpp 按原样运行这个 GGUF 模型（{kinds} 权重）：在 CPU 上快好几倍，结果接近但不完全等同于 float32。如需与 float32 完全一致的结果，请在“精度”中选择 float32。</translation>
    </message>
    <message>
        <source>No model is loaded yet.</source>
        <translation>尚未加载模型。</translation>
    </message>
    <message>
        <source>There is no text to work from: the input is empty.</source>
        <translation>没有可处理的文字：输入为空。</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>消息为空。</translation>
    </message>
    <message>
        <source>The text is too long for this model: {tokens:,} tokens, but only {fit:,} fit with room for an answer ({context:,} in all). Shorten it, or use a model with a longer context.</source>
        <translation>文字对此模型来说太长：共 {tokens:,} 个词元，但在留出回答空间后只能容纳 {fit:,} 个（总共 {context:,} 个）。请缩短文字，或使用上下文更长的模型。</translation>
    </message>
    <message>
        <source>The {device} ran out of memory while writing ({tokens:,} tokens of text plus up to {new:,} new ones). Select less text, lower “Max new tokens” in Settings → Writing, or choose the CPU in Settings → Model.</source>
        <translation>{device} 在写作时内存不足（{tokens:,} 个词元的文字，外加最多 {new:,} 个新词元）。请少选一些文字、在 设置 → 写作 中调低“最大新词元数”，或在 设置 → 模型 中选择 CPU。</translation>
    </message>
    <message>
        <source>The API key contains characters that cannot be sent (letters outside ASCII, or a line break). Paste the key again.</source>
        <translation>API 密钥中含有无法发送的字符（ASCII 以外的字母或换行符）。请重新粘贴密钥。</translation>
    </message>
    <message>
        <source>The server at {url} answered /models with {what}, not the OpenAI-compatible API. Check the address: it usually ends in /v1.</source>
        <translation>{url} 上的服务器对 /models 返回了 {what}，而不是 OpenAI 兼容的 API。请检查地址：它通常以 /v1 结尾。</translation>
    </message>
    <message>
        <source>Choose which of the server&apos;s models to use in Settings → Remote server: {models}.</source>
        <translation>请在 设置 → 远程服务器 中选择要使用服务器上的哪个模型：{models}。</translation>
    </message>
    <message>
        <source>The server lists no models. Enter a model name in Settings → Remote server.</source>
        <translation>服务器没有列出任何模型。请在 设置 → 远程服务器 中输入模型名称。</translation>
    </message>
    <message>
        <source>The server has no model named “{model}”. It offers: {models}. Choose one of them in Settings → Remote server.</source>
        <translation>服务器上没有名为“{model}”的模型。它提供：{models}。请在 设置 → 远程服务器 中从中选择一个。</translation>
    </message>
    <message>
        <source>Connecting to {url}…</source>
        <translation>正在连接 {url}…</translation>
    </message>
    <message>
        <source>The text is too long for the remote model: about {tokens:,} tokens, but only about {fit:,} fit with room for an answer ({context:,} in all, as set in Settings → Remote server). Shorten it, or raise the context length if the server allows more.</source>
        <translation>文字对远程模型来说太长：大约 {tokens:,} 个词元，但在留出回答空间后只能容纳大约 {fit:,} 个（总共 {context:,} 个，见 设置 → 远程服务器）。请缩短文字；如果服务器允许，也可以调高上下文长度。</translation>
    </message>
    <message>
        <source>No remote model is chosen. Enter one in Settings.</source>
        <translation>尚未选择远程模型。请在设置中输入一个。</translation>
    </message>
    <message>
        <source>The server at {url} sent no text within {timeout:g} s. It may still be loading the model, or be overloaded. Try again, or raise the timeout in Settings → Remote server.</source>
        <translation>{url} 上的服务器在 {timeout:g} 秒内没有发送任何文字。它可能仍在加载模型，或者负载过高。请重试，或在 设置 → 远程服务器 中调高超时时间。</translation>
    </message>
    <message>
        <source>The server stopped sending in the middle of the answer (nothing for {timeout:g} s). Try again; if it keeps happening, check the server.</source>
        <translation>服务器在回答中途停止了发送（{timeout:g} 秒没有任何数据）。请重试；如果反复出现，请检查服务器。</translation>
    </message>
    <message>
        <source>The server reported an error while answering: “{error}”. Check the server&apos;s log, then try again.</source>
        <translation>服务器在回答时报告了错误：“{error}”。请查看服务器日志，然后重试。</translation>
    </message>
    <message>
        <source>The server&apos;s reply could not be read: it is not a valid OpenAI-compatible event stream. Check that the address points to an OpenAI-compatible API (it usually ends in /v1).</source>
        <translation>无法读取服务器的回复：它不是有效的 OpenAI 兼容事件流。请确认地址指向 OpenAI 兼容的 API（通常以 /v1 结尾）。</translation>
    </message>
    <message>
        <source>The server&apos;s reply is damaged or cut off (it is not valid JSON). Try again; if it keeps happening, check the server.</source>
        <translation>服务器的回复已损坏或被截断（不是有效的 JSON）。请重试；如果反复出现，请检查服务器。</translation>
    </message>
    <message>
        <source>The server&apos;s answer was cut off: the stream ended before it was complete (the server may have stopped or restarted). Try again; if it keeps happening, check the server&apos;s log.</source>
        <translation>服务器的回答被截断：数据流在完成之前就结束了（服务器可能已停止或重启）。请重试；如果反复出现，请查看服务器日志。</translation>
    </message>
    <message>
        <source>Connected in {latency:.0f} ms. The server offers one model, {model}, which will be used.</source>
        <translation>已连接，用时 {latency:.0f} 毫秒。服务器提供一个模型 {model}，将使用它。</translation>
    </message>
    <message>
        <source>Connected in {latency:.0f} ms. Choose one of the server&apos;s models: {models}.</source>
        <translation>已连接，用时 {latency:.0f} 毫秒。请从服务器的模型中选择一个：{models}。</translation>
    </message>
    <message>
        <source>Connected in {latency:.0f} ms. The server lists no models; enter a model name.</source>
        <translation>已连接，用时 {latency:.0f} 毫秒。服务器没有列出任何模型；请输入模型名称。</translation>
    </message>
    <message>
        <source>Connected in {latency:.0f} ms. The server lists no models; it will be asked for “{model}” as given.</source>
        <translation>已连接，用时 {latency:.0f} 毫秒。服务器没有列出任何模型；将按原样请求“{model}”。</translation>
    </message>
    <message>
        <source>Connected in {latency:.0f} ms. The server offers {count} model(s), including “{model}”.</source>
        <translation>已连接，用时 {latency:.0f} 毫秒。服务器提供 {count} 个模型，其中包括“{model}”。</translation>
    </message>
    <message>
        <source>Connected in {latency:.0f} ms. “{model}” is not listed (it offers {models}); a server that loads models from a path on demand, like transformers serve, may still accept it.</source>
        <translation>已连接，用时 {latency:.0f} 毫秒。“{model}”不在列表中（服务器提供 {models}）；按需从路径加载模型的服务器（如 transformers serve）仍可能接受它。</translation>
    </message>
    <message>
        <source>Connected in {latency:.0f} ms. But the server has no model named “{model}”. It offers: {models}.</source>
        <translation>已连接，用时 {latency:.0f} 毫秒。但服务器上没有名为“{model}”的模型。它提供：{models}。</translation>
    </message>
    <message>
        <source>The server rejected the API key (401 Unauthorized). Check the key in Settings → Remote server.</source>
        <translation>服务器拒绝了 API 密钥（401 Unauthorized）。请在 设置 → 远程服务器 中检查密钥。</translation>
    </message>
    <message>
        <source>The server rejected the API key (401 Unauthorized). Check the key in Settings → Remote server. The server said: “{words}”</source>
        <translation>服务器拒绝了 API 密钥（401 Unauthorized）。请在 设置 → 远程服务器 中检查密钥。服务器返回：“{words}”</translation>
    </message>
    <message>
        <source>The server needs an API key (401 Unauthorized). Enter it in Settings → Remote server.</source>
        <translation>服务器需要 API 密钥（401 Unauthorized）。请在 设置 → 远程服务器 中输入。</translation>
    </message>
    <message>
        <source>The server refused access (403 Forbidden): the API key lacks permission for this model, or the server does not accept requests from this computer. Check the key and the server&apos;s access settings.</source>
        <translation>服务器拒绝访问（403 Forbidden）：API 密钥没有此模型的权限，或服务器不接受来自这台电脑的请求。请检查密钥和服务器的访问设置。</translation>
    </message>
    <message>
        <source>The server refused access (403 Forbidden): the API key lacks permission for this model, or the server does not accept requests from this computer. Check the key and the server&apos;s access settings. The server said: “{words}”</source>
        <translation>服务器拒绝访问（403 Forbidden）：API 密钥没有此模型的权限，或服务器不接受来自这台电脑的请求。请检查密钥和服务器的访问设置。服务器返回：“{words}”</translation>
    </message>
    <message>
        <source>There is no OpenAI-compatible API at {url} (HTTP {code} for /models). The address usually ends in /v1, for example http://localhost:11434/v1.</source>
        <translation>{url} 上没有 OpenAI 兼容的 API（/models 返回 HTTP {code}）。地址通常以 /v1 结尾，例如 http://localhost:11434/v1。</translation>
    </message>
    <message>
        <source>The server has no model named “{model}” (HTTP {code}). Check the model name in Settings → Remote server.</source>
        <translation>服务器上没有名为“{model}”的模型（HTTP {code}）。请在 设置 → 远程服务器 中检查模型名称。</translation>
    </message>
    <message>
        <source>The server has no model named “{model}” (HTTP {code}). Check the model name in Settings → Remote server. The server said: “{words}”</source>
        <translation>服务器上没有名为“{model}”的模型（HTTP {code}）。请在 设置 → 远程服务器 中检查模型名称。服务器返回：“{words}”</translation>
    </message>
    <message>
        <source>The text is too long for the server&apos;s model. Shorten it, or set the remote context length in Settings to what the server allows.</source>
        <translation>文字对服务器的模型来说太长。请缩短文字，或在设置中把远程上下文长度设为服务器允许的值。</translation>
    </message>
    <message>
        <source>The text is too long for the server&apos;s model. Shorten it, or set the remote context length in Settings to what the server allows. The server said: “{words}”</source>
        <translation>文字对服务器的模型来说太长。请缩短文字，或在设置中把远程上下文长度设为服务器允许的值。服务器返回：“{words}”</translation>
    </message>
    <message>
        <source>The server is busy or a usage limit was reached (429). Wait a moment, then try again.</source>
        <translation>服务器繁忙或已达到用量上限（429）。请稍等片刻再试。</translation>
    </message>
    <message>
        <source>The server is busy or a usage limit was reached (429). Wait a moment, then try again. The server said: “{words}”</source>
        <translation>服务器繁忙或已达到用量上限（429）。请稍等片刻再试。服务器返回：“{words}”</translation>
    </message>
    <message>
        <source>The server is unavailable or overloaded (HTTP {code}); it may still be starting or loading the model. Try again in a moment.</source>
        <translation>服务器不可用或负载过高（HTTP {code}）；它可能仍在启动或加载模型。请稍后再试。</translation>
    </message>
    <message>
        <source>The server is unavailable or overloaded (HTTP {code}); it may still be starting or loading the model. Try again in a moment. The server said: “{words}”</source>
        <translation>服务器不可用或负载过高（HTTP {code}）；它可能仍在启动或加载模型。请稍后再试。服务器返回：“{words}”</translation>
    </message>
    <message>
        <source>The server had an internal error (HTTP {code}). Check the server&apos;s log, then try again.</source>
        <translation>服务器发生内部错误（HTTP {code}）。请查看服务器日志，然后重试。</translation>
    </message>
    <message>
        <source>The server had an internal error (HTTP {code}). Check the server&apos;s log, then try again. The server said: “{words}”</source>
        <translation>服务器发生内部错误（HTTP {code}）。请查看服务器日志，然后重试。服务器返回：“{words}”</translation>
    </message>
    <message>
        <source>The server answered with a web page (HTTP {code}), not the OpenAI-compatible API. Check the address: it usually ends in /v1.</source>
        <translation>服务器返回的是网页（HTTP {code}），而不是 OpenAI 兼容的 API。请检查地址：它通常以 /v1 结尾。</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP {code}).</source>
        <translation>服务器拒绝了请求（HTTP {code}）。</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP {code}). The server said: “{words}”</source>
        <translation>服务器拒绝了请求（HTTP {code}）。服务器返回：“{words}”</translation>
    </message>
    <message>
        <source>The server at {url} did not accept a connection within {timeout:g} s. Check the address, that the server is running, and any firewall in between.</source>
        <translation>{url} 上的服务器在 {timeout:g} 秒内没有接受连接。请检查地址、服务器是否在运行，以及中间的防火墙。</translation>
    </message>
    <message>
        <source>Nothing answers at {url}: the connection was refused. Start the server (Ollama, vLLM, LM Studio, llama.cpp server or transformers serve), or check the address and port in Settings.</source>
        <translation>{url} 没有响应：连接被拒绝。请启动服务器（Ollama、vLLM、LM Studio、llama.cpp server 或 transformers serve），或在设置中检查地址和端口。</translation>
    </message>
    <message>
        <source>A secure connection to {host} could not be set up (its certificate was not accepted). Check the address, or the server&apos;s certificate.</source>
        <translation>无法与 {host} 建立安全连接（其证书未被接受）。请检查地址或服务器的证书。</translation>
    </message>
    <message>
        <source>The server name “{host}” could not be found. Check the address in Settings and your network.</source>
        <translation>找不到服务器名称“{host}”。请检查设置中的地址和你的网络。</translation>
    </message>
    <message>
        <source>Could not connect to {url}. Check the address, that the server is running, and your network.</source>
        <translation>无法连接到 {url}。请检查地址、服务器是否在运行，以及你的网络。</translation>
    </message>
    <message>
        <source>The server at {url} stopped answering. Try again.</source>
        <translation>{url} 上的服务器停止了响应。请重试。</translation>
    </message>
    <message>
        <source>The program at {url} does not speak HTTP, or closed the connection without an answer. Check the address and port: they must point to an OpenAI-compatible server.</source>
        <translation>{url} 上的程序不使用 HTTP，或者没有回答就关闭了连接。请检查地址和端口：它们必须指向 OpenAI 兼容的服务器。</translation>
    </message>
    <message>
        <source>The connection to the server broke before the answer was complete (the server may have stopped or restarted). Try again; if it keeps happening, check the server&apos;s log.</source>
        <translation>回答还没完成，与服务器的连接就断开了（服务器可能已停止或重启）。请重试；如果反复出现，请查看服务器日志。</translation>
    </message>
    <message>
        <source>“{url}” is not a usable server address.</source>
        <translation>“{url}”不是可用的服务器地址。</translation>
    </message>
    <message>
        <source>Talking to the server at {url} failed. Try again.</source>
        <translation>与 {url} 上的服务器通信失败。请重试。</translation>
    </message>
    <message>
        <source>The API key would be sent unencrypted over http:// to {host}: anyone on the network between here and there could read it (and your text). Use an https:// address, or a server on this computer.</source>
        <translation>API 密钥将通过 http:// 以未加密方式发送到 {host}：这里与那里之间网络上的任何人都能读取它（以及你的文字）。请使用 https:// 地址，或使用本机上的服务器。</translation>
    </message>
    <message>
        <source>No server address is set. Enter the server&apos;s base URL, for example {example}.</source>
        <translation>尚未设置服务器地址。请输入服务器的基础 URL，例如 {example}。</translation>
    </message>
    <message>
        <source>The address “{address}” is not usable: it must start with http:// or https://, for example {example}.</source>
        <translation>地址“{address}”不可用：它必须以 http:// 或 https:// 开头，例如 {example}。</translation>
    </message>
    <message>
        <source>The port in “{address}” is not a number (for example {example}).</source>
        <translation>“{address}”中的端口不是数字（例如 {example}）。</translation>
    </message>
    <message>
        <source>Converting weights ({index}/{total})…</source>
        <translation>正在转换权重（{index}/{total}）…</translation>
    </message>
    <message>
        <source>Reading the vocabulary…</source>
        <translation>正在读取词表…</translation>
    </message>
    <message>
        <source>Reading the model description…</source>
        <translation>正在读取模型描述…</translation>
    </message>
    <message>
        <source>Saving the converted copy…</source>
        <translation>正在保存转换后的副本…</translation>
    </message>
    <message>
        <source>Waiting for another Inkwell window converting the model…</source>
        <translation>正在等待另一个 Inkwell 窗口完成模型转换…</translation>
    </message>
    <message>
        <source>Converted.</source>
        <translation>已转换。</translation>
    </message>
    <message>
        <source>The model does not fit in memory. Choose a smaller model, close other programs, or use the CPU.</source>
        <translation>模型装不进内存。请选择更小的模型、关闭其他程序，或使用 CPU。</translation>
    </message>
    <message>
        <source>This model needs to run its own Python code, which Inkwell never allows. Choose a model that Transformers supports natively.</source>
        <translation>这个模型需要运行它自带的 Python 代码，Inkwell 从不允许这样做。请选择 Transformers 原生支持的模型。</translation>
    </message>
    <message>
        <source>This model&apos;s architecture is not supported by the installed Transformers. Choose another model, or update Inkwell.</source>
        <translation>已安装的 Transformers 不支持这个模型的架构。请选择其他模型，或更新 Inkwell。</translation>
    </message>
    <message>
        <source>The model&apos;s files are damaged or incomplete. Download or convert it again.</source>
        <translation>模型文件已损坏或不完整。请重新下载或转换。</translation>
    </message>
    <message>
        <source>The model could not be downloaded: the network or the Hugging Face Hub is unreachable. Check your connection, or choose a model folder on this computer.</source>
        <translation>无法下载模型：网络或 Hugging Face Hub 无法访问。请检查网络连接，或选择本机上的模型文件夹。</translation>
    </message>
    <message>
        <source>No usable model was found there. Choose a folder with config.json and weights, or a .gguf file.</source>
        <translation>那里没有找到可用的模型。请选择包含 config.json 和权重的文件夹，或一个 .gguf 文件。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong in the model engine. Your text is safe; try again, and use Help → Copy diagnostics if it keeps happening.</source>
        <translation>模型引擎发生了意外错误。你的文字是安全的；请重试，如果反复出现，请使用 帮助 → 复制诊断信息。</translation>
    </message>
    <message>
        <source>Starting the model engine…</source>
        <translation>正在启动模型引擎…</translation>
    </message>
    <message>
        <source>The model stopped unexpectedly: the model process stopped answering. Your text is safe. The next request starts the model again.</source>
        <translation>模型意外停止：模型进程不再响应。你的文字是安全的。下次请求时会重新启动模型。</translation>
    </message>
    <message>
        <source>The model stopped unexpectedly: the model process was killed ({signal}); the system may have run out of memory. Your text is safe. The next request starts the model again.</source>
        <translation>模型意外停止：模型进程被终止（{signal}）；系统可能内存不足。你的文字是安全的。下次请求时会重新启动模型。</translation>
    </message>
    <message>
        <source>The model stopped unexpectedly: the model process was stopped by {signal}. Your text is safe. The next request starts the model again.</source>
        <translation>模型意外停止：模型进程被 {signal} 停止。你的文字是安全的。下次请求时会重新启动模型。</translation>
    </message>
    <message>
        <source>The model stopped unexpectedly: the model process exited with code {code}. Your text is safe. The next request starts the model again.</source>
        <translation>模型意外停止：模型进程以代码 {code} 退出。你的文字是安全的。下次请求时会重新启动模型。</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>{name} is not a Word document Inkwell can read (.docx).</source>
        <translation>{name} 不是 Inkwell 能读取的 Word 文档（.docx）。</translation>
    </message>
    <message>
        <source>Inkwell cannot export to .{kind}.</source>
        <translation>Inkwell 无法导出为 .{kind}。</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (first unexpected byte at position {position}). It may use an older encoding such as Windows-1252; opening it that way can show some characters wrongly.</source>
        <translation>{name} 不是 UTF-8 文本（第一个异常字节位于 {position}）。它可能使用了较旧的编码，如 Windows-1252；以该编码打开时，有些字符可能显示不正确。</translation>
    </message>
    <message>
        <source>{name} cannot be saved as {encoding}: the character “{character}” ({code}) on line {line} has no place in that encoding.</source>
        <translation>{name} 无法以 {encoding} 保存：第 {line} 行的字符“{character}”（{code}）在该编码中不存在。</translation>
    </message>
    <message>
        <source>{name} is not {encoding} text (the bytes at position {position} do not fit that encoding). Choose another encoding.</source>
        <translation>{name} 不是 {encoding} 文本（位于 {position} 的字节不符合该编码）。请选择其他编码。</translation>
    </message>
    <message>
        <source>{name} does not exist (it may have been moved or deleted).</source>
        <translation>{name} 不存在（可能已被移动或删除）。</translation>
    </message>
    <message>
        <source>{name} could not be read: {reason}.</source>
        <translation>无法读取 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{name} cannot be saved there: {reason}. Choose another folder.</source>
        <translation>{name} 无法保存到那里：{reason}。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>{name} could not be saved: {reason}.</source>
        <translation>无法保存 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{name} is {size} MB; Inkwell opens text files up to {limit} MB so that the editor stays responsive. Split the file, or open it in a tool made for very large files.</source>
        <translation>{name} 有 {size} MB；为了让编辑器保持流畅，Inkwell 只打开不超过 {limit} MB 的文本文件。请拆分该文件，或用专门处理超大文件的工具打开。</translation>
    </message>
    <message>
        <source>{name} is a folder, not a text file.</source>
        <translation>{name} 是文件夹，不是文本文件。</translation>
    </message>
    <message>
        <source>You do not have permission to read {name}.</source>
        <translation>你没有读取 {name} 的权限。</translation>
    </message>
    <message>
        <source>{name} looks like a binary file, not text. Inkwell opens .txt and .md files.</source>
        <translation>{name} 看起来是二进制文件，而不是文本。Inkwell 打开 .txt 和 .md 文件。</translation>
    </message>
    <message>
        <source>{name} could not be written completely: {reason}. Your text is still open.</source>
        <translation>{name} 未能完整写入：{reason}。你的文字仍然打开着。</translation>
    </message>
    <message>
        <source>{name} could not be saved: {reason}. Your text is still open.</source>
        <translation>无法保存 {name}：{reason}。你的文字仍然打开着。</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Find text</source>
        <translation>查找文字</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>Replacement text</source>
        <translation>替换文字</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>正则</translation>
    </message>
    <message>
        <source>Whole word</source>
        <translation>全词匹配</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Search result</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <source>{n} matches</source>
        <translation>{n} 处匹配</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>没有匹配</translation>
    </message>
    <message>
        <source>Replaced {n}</source>
        <translation>已替换 {n} 处</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Inkwell is using its small built-in model ({embedded}). It works offline and is good for continuing and summarizing short English text, but not for translation or Chinese. For those, download {name} ({size}, runs on this computer).</source>
        <translation>Inkwell 正在使用小型内置模型（{embedded}）。它无需联网，适合续写和摘要较短的英文文字，但不适合翻译或中文。如需这些功能，请下载 {name}（{size}，在这台电脑上运行）。</translation>
    </message>
    <message>
        <source>About the built-in model</source>
        <translation>关于内置模型</translation>
    </message>
    <message>
        <source>Download {name} ({size})</source>
        <translation>下载 {name}（{size}）</translation>
    </message>
    <message>
        <source>Download the recommended model</source>
        <translation>下载推荐的模型</translation>
    </message>
    <message>
        <source>Keep the built-in model</source>
        <translation>继续使用内置模型</translation>
    </message>
    <message>
        <source>Dismiss and keep the built-in model</source>
        <translation>关闭提示并继续使用内置模型</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Versions of the document, newest first</source>
        <translation>文档的各个版本，最新的在前</translation>
    </message>
    <message>
        <source>Differences between the chosen version and the current text</source>
        <translation>所选版本与当前文字之间的差异</translation>
    </message>
    <message>
        <source>Choose a version to see what changed since.</source>
        <translation>选择一个版本，查看此后的改动。</translation>
    </message>
    <message>
        <source>&amp;Restore This Version</source>
        <translation>恢复此版本(&amp;R)</translation>
    </message>
    <message>
        <source>{n} characters</source>
        <translation>{n} 个字符</translation>
    </message>
    <message>
        <source>No versions yet: saving, an accepted AI edit or a reload keeps one.</source>
        <translation>还没有版本：保存、接受 AI 修改或重新载入时都会保留一个版本。</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <source>Struck through: text this version had that is gone now; green: added since.</source>
        <translation>删除线：该版本中有、现在已删去的文字；绿色：之后新增的文字。</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>French</source>
        <translation>法语</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>西班牙语</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>葡萄牙语</translation>
    </message>
    <message>
        <source>German</source>
        <translation>德语</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>意大利语</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>俄语</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日语</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩语</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>越南语</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>泰语</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>阿拉伯语</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>印地语</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation>繁体中文</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Plain text (*.txt)</source>
        <translation>纯文本 (*.txt)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>a summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>a translation</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>the chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>another task</source>
        <translation>另一项任务</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史版本</translation>
    </message>
    <message>
        <source>Word, character and token counts</source>
        <translation>字数、字符数和词元数</translation>
    </message>
    <message>
        <source>File encoding</source>
        <translation>文件编码</translation>
    </message>
    <message>
        <source>The encoding the file is read and saved in. File ▸ Reopen with Encoding… reads it again in another; File ▸ Save with Encoding… saves it in another.</source>
        <translation>读取和保存文件所用的编码。文件 ▸ 以其他编码重新打开… 会用另一种编码重新读取；文件 ▸ 以其他编码保存… 会用另一种编码保存。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>A&amp;I</source>
        <translation>AI(&amp;I)</translation>
    </message>
    <message>
        <source>Translation &amp;Language</source>
        <translation>翻译目标语言(&amp;L)</translation>
    </message>
    <message>
        <source>Cha&amp;t</source>
        <translation>对话(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Before reloading from disk</source>
        <translation>从磁盘重新载入之前</translation>
    </message>
    <message>
        <source>Reloaded from disk</source>
        <translation>已从磁盘重新载入</translation>
    </message>
    <message>
        <source>Continue writing</source>
        <translation>续写</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Markdown and text (*.md *.markdown *.txt);;All files (*)</source>
        <translation>Markdown 和文本 (*.md *.markdown *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import Word Document</source>
        <translation>导入 Word 文档</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>{name} could not be exported ({error}). Your text is safe.</source>
        <translation>无法导出 {name}（{error}）。你的文字是安全的。</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation>清除最近打开的文件</translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation>转到行</translation>
    </message>
    <message>
        <source>Line (1–{n}):</source>
        <translation>行号（1–{n}）：</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Before a pane&apos;s insert or replace</source>
        <translation>面板插入或替换之前</translation>
    </message>
    <message>
        <source>Before {action}</source>
        <translation>{action}之前</translation>
    </message>
    <message>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <source>Continue writing waits: the model is busy with {task}…</source>
        <translation>续写需等待：模型正忙于{task}…</translation>
    </message>
    <message>
        <source>Continue writing: waiting for the model…</source>
        <translation>续写：正在等待模型…</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>The selection is too long for the model to rewrite at once.</source>
        <translation>选中的内容太长，模型无法一次改写。</translation>
    </message>
    <message>
        <source>It has about {tokens:,} tokens; the model can take about {budget:,} at a time. Inkwell can work on it paragraph by paragraph, or summarize it instead.</source>
        <translation>它大约有 {tokens:,} 个词元；模型一次大约只能处理 {budget:,} 个。Inkwell 可以逐段处理，或者改为生成摘要。</translation>
    </message>
    <message>
        <source>Work in &amp;Parts</source>
        <translation>分段处理(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Summarize Instead</source>
        <translation>改为生成摘要(&amp;S)</translation>
    </message>
    <message>
        <source>Your action: {name}</source>
        <translation>你的操作：{name}</translation>
    </message>
    <message>
        <source>Translations will use {name}; it is loaded when a translation starts.</source>
        <translation>翻译将使用 {name}；开始翻译时才会加载它。</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard.</source>
        <translation>诊断信息已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Restored {n} document(s). Save them to keep them.</source>
        <translation>已恢复 {n} 篇文档。请保存它们以免丢失。</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>The model stopped.</source>
        <translation>模型已停止。</translation>
    </message>
    <message>
        <source>Out of memory.</source>
        <translation>内存不足。</translation>
    </message>
    <message>
        <source>Model not found.</source>
        <translation>找不到模型。</translation>
    </message>
    <message>
        <source>Unsupported model.</source>
        <translation>不支持的模型。</translation>
    </message>
    <message>
        <source>Damaged model files.</source>
        <translation>模型文件已损坏。</translation>
    </message>
    <message>
        <source>Model not allowed.</source>
        <translation>不允许使用该模型。</translation>
    </message>
    <message>
        <source>Text too long.</source>
        <translation>文字太长。</translation>
    </message>
    <message>
        <source>Network problem.</source>
        <translation>网络问题。</translation>
    </message>
</context>
<context>
    <name>ModelLibrary</name>
    <message>
        <source>The built-in model is not installed ({hint}).</source>
        <translation>内置模型未安装（{hint}）。</translation>
    </message>
    <message>
        <source>Some of its files are missing or damaged. Delete it and download it again.</source>
        <translation>它的部分文件缺失或已损坏。请删除后重新下载。</translation>
    </message>
    <message>
        <source>Not completely downloaded.</source>
        <translation>未完全下载。</translation>
    </message>
    <message>
        <source>The file is no longer there.</source>
        <translation>该文件已不存在。</translation>
    </message>
    <message>
        <source>The folder is no longer there.</source>
        <translation>该文件夹已不存在。</translation>
    </message>
    <message>
        <source>The folder has no config.json any more.</source>
        <translation>该文件夹中已没有 config.json。</translation>
    </message>
    <message>
        <source>{path} is not a folder.</source>
        <translation>{path} 不是文件夹。</translation>
    </message>
    <message>
        <source>{path} has no config.json, so it is not a Transformers model folder. Choose the folder that holds config.json and the weights, or a .gguf file.</source>
        <translation>{path} 中没有 config.json，因此不是 Transformers 模型文件夹。请选择包含 config.json 和权重的文件夹，或一个 .gguf 文件。</translation>
    </message>
    <message>
        <source>{path} has a config.json but no weights (.safetensors).</source>
        <translation>{path} 中有 config.json，但没有权重（.safetensors）。</translation>
    </message>
    <message>
        <source>{path} is not a .gguf file.</source>
        <translation>{path} 不是 .gguf 文件。</translation>
    </message>
    <message>
        <source>{path} cannot be read ({reason}).</source>
        <translation>无法读取 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>{path} is not a GGUF model file (its header is wrong).</source>
        <translation>{path} 不是 GGUF 模型文件（文件头不正确）。</translation>
    </message>
    <message>
        <source>The built-in model cannot be removed; it is part of Inkwell.</source>
        <translation>内置模型无法删除；它是 Inkwell 的一部分。</translation>
    </message>
    <message>
        <source>{path} could not be deleted ({reason}).</source>
        <translation>无法删除 {path}（{reason}）。</translation>
    </message>
</context>
<context>
    <name>ModelManager</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Memory (CPU · GPU)</source>
        <translation>内存（CPU · GPU）</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Good for</source>
        <translation>适合</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>translate</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>summarize</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>continue writing</source>
        <translation>续写</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Asking Hugging Face which files are needed…</source>
        <translation>正在向 Hugging Face 查询需要哪些文件…</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <source>Paused at {done}. Download again to continue where it stopped.</source>
        <translation>已在 {done} 处暂停。再次下载即可从中断处继续。</translation>
    </message>
    <message>
        <source>{done} — no data for {seconds} s, trying again…</source>
        <translation>{done} — {seconds} 秒没有数据，正在重试…</translation>
    </message>
    <message>
        <source>{done} — checking {file}…</source>
        <translation>{done} — 正在校验 {file}…</translation>
    </message>
    <message>
        <source>{done} — {speed}/s — about {eta} left</source>
        <translation>{done} — {speed}/秒 — 约剩 {eta}</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <source>{m} min {s:02d} s</source>
        <translation>{m} 分 {s:02d} 秒</translation>
    </message>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} 小时 {m:02d} 分</translation>
    </message>
    <message>
        <source>Paused at {percent}%</source>
        <translation>已在 {percent}% 处暂停</translation>
    </message>
    <message>
        <source>Pickled weights not allowed</source>
        <translation>不允许 pickle 格式的权重</translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation>下载失败</translation>
    </message>
    <message>
        <source>Downloading {percent}%</source>
        <translation>正在下载 {percent}%</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>for translation</source>
        <translation>用于翻译</translation>
    </message>
    <message>
        <source>Ready, offline</source>
        <translation>就绪，可离线使用</translation>
    </message>
    <message>
        <source>Not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <source>Gated: needs a token</source>
        <translation>需授权：需要令牌</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>未下载</translation>
    </message>
    <message>
        <source>Partly downloaded ({percent}%)</source>
        <translation>部分下载（{percent}%）</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>GGUF file</source>
        <translation>GGUF 文件</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Models run on this computer. The built-in model always works, even offline; download a larger one for better writing, summaries and translation. Downloads continue where they stopped.</source>
        <translation>模型在这台电脑上运行。内置模型始终可用，即使离线也能用；下载更大的模型可以获得更好的写作、摘要和翻译效果。下载中断后会从中断处继续。</translation>
    </message>
    <message>
        <source>Add &amp;folder…</source>
        <translation>添加文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Add a model folder</source>
        <translation>添加模型文件夹</translation>
    </message>
    <message>
        <source>Add a folder that holds a Transformers model (config.json and weights)</source>
        <translation>添加包含 Transformers 模型（config.json 和权重）的文件夹</translation>
    </message>
    <message>
        <source>Add &amp;GGUF file…</source>
        <translation>添加 GGUF 文件(&amp;G)…</translation>
    </message>
    <message>
        <source>Add a GGUF model file</source>
        <translation>添加 GGUF 模型文件</translation>
    </message>
    <message>
        <source>Other Hugging Face model: owner/name</source>
        <translation>其他 Hugging Face 模型：所有者/名称</translation>
    </message>
    <message>
        <source>Hugging Face model id to download</source>
        <translation>要下载的 Hugging Face 模型 ID</translation>
    </message>
    <message>
        <source>Download by id</source>
        <translation>按 ID 下载</translation>
    </message>
    <message>
        <source>Download the model with this id</source>
        <translation>下载此 ID 对应的模型</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the model manager</source>
        <translation>关闭模型管理器</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>下载进度</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>下载(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Cancel download</source>
        <translation>取消下载(&amp;C)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Use this model</source>
        <translation>使用此模型(&amp;U)</translation>
    </message>
    <message>
        <source>Use for &amp;translate</source>
        <translation>用于翻译(&amp;T)</translation>
    </message>
    <message>
        <source>Download the selected model</source>
        <translation>下载所选模型</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <source>Delete the selected model</source>
        <translation>删除所选模型</translation>
    </message>
    <message>
        <source>Open the model&apos;s folder</source>
        <translation>打开模型所在的文件夹</translation>
    </message>
    <message>
        <source>Use the selected model for everything</source>
        <translation>所有任务都使用所选模型</translation>
    </message>
    <message>
        <source>Use the selected model for translation</source>
        <translation>翻译时使用所选模型</translation>
    </message>
    <message>
        <source>Hugging Face token (for gated models such as Llama and Gemma)</source>
        <translation>Hugging Face 令牌（用于 Llama、Gemma 等需授权的模型）</translation>
    </message>
    <message>
        <source>hf_…</source>
        <translation>hf_…</translation>
    </message>
    <message>
        <source>Hugging Face access token</source>
        <translation>Hugging Face 访问令牌</translation>
    </message>
    <message>
        <source>&amp;Save token</source>
        <translation>保存令牌(&amp;S)</translation>
    </message>
    <message>
        <source>Save the Hugging Face token</source>
        <translation>保存 Hugging Face 令牌</translation>
    </message>
    <message>
        <source>Forget token</source>
        <translation>忘记令牌</translation>
    </message>
    <message>
        <source>Forget the Hugging Face token</source>
        <translation>忘记 Hugging Face 令牌</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Recommended downloads</source>
        <translation>推荐下载</translation>
    </message>
    <message>
        <source>Your models</source>
        <translation>你的模型</translation>
    </message>
    <message>
        <source>{ram} · {vram}</source>
        <translation>{ram} · {vram}</translation>
    </message>
    <message>
        <source> (gated)</source>
        <translation>（需授权）</translation>
    </message>
    <message>
        <source>Memory on the CPU (float32) · on a GPU (bfloat16)</source>
        <translation>在 CPU 上（float32）· 在 GPU 上（bfloat16）所需的内存</translation>
    </message>
    <message>
        <source>Download progress of {name}</source>
        <translation>{name} 的下载进度</translation>
    </message>
    <message>
        <source>&amp;Download (pickled weights)…</source>
        <translation>下载（pickle 格式权重）(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Resume download</source>
        <translation>继续下载(&amp;R)</translation>
    </message>
    <message>
        <source>Choose another model first: this one is in use.</source>
        <translation>请先选择另一个模型：这个模型正在使用中。</translation>
    </message>
    <message>
        <source>Remove from &amp;list</source>
        <translation>从列表中移除(&amp;L)</translation>
    </message>
    <message>
        <source>This model cannot translate; choose a multilingual one such as Qwen2.5.</source>
        <translation>这个模型无法翻译；请选择多语言模型，例如 Qwen2.5。</translation>
    </message>
    <message>
        <source>{params} parameters</source>
        <translation>{params} 参数</translation>
    </message>
    <message>
        <source>context {tokens} tokens</source>
        <translation>上下文 {tokens} 个词元</translation>
    </message>
    <message>
        <source>download ≈ {size}</source>
        <translation>下载约 {size}</translation>
    </message>
    <message>
        <source>needs ≈ {ram} of memory on the CPU, {vram} on a GPU</source>
        <translation>需要约 {ram} 的 CPU 内存，或 {vram} 的 GPU 显存</translation>
    </message>
    <message>
        <source>This computer has {ram} of memory: without a GPU this model will be slow or may not fit.</source>
        <translation>这台电脑有 {ram} 内存：没有 GPU 时，这个模型会很慢，甚至可能装不下。</translation>
    </message>
    <message>
        <source>A token is set for this session.</source>
        <translation>已为本次会话设置令牌。</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <source>Delete {name} ({size}) from this computer? You can download it again later.</source>
        <translation>要从这台电脑上删除 {name}（{size}）吗？以后可以重新下载。</translation>
    </message>
    <message>
        <source>Allow pickled weights?</source>
        <translation>允许 pickle 格式的权重吗？</translation>
    </message>
    <message>
        <source>{name} is published only as pickled PyTorch files (.bin).</source>
        <translation>{name} 只以 pickle 格式的 PyTorch 文件（.bin）发布。</translation>
    </message>
    <message>
        <source>Pickled weights can run code on your computer when the model is loaded. Only allow this for a model you trust, from a publisher you know. This applies to this model only.</source>
        <translation>pickle 格式的权重在加载模型时可以在你的电脑上执行代码。只有对你信任、发布者可靠的模型才应允许。此设置只对这个模型有效。</translation>
    </message>
    <message>
        <source>Allow for this model</source>
        <translation>对此模型允许</translation>
    </message>
    <message>
        <source>Allow pickled weights for this model and download it</source>
        <translation>允许此模型使用 pickle 格式的权重并下载</translation>
    </message>
    <message>
        <source>Don&apos;t download</source>
        <translation>不下载</translation>
    </message>
    <message>
        <source>Do not download this model</source>
        <translation>不下载这个模型</translation>
    </message>
    <message>
        <source>Choose a model folder</source>
        <translation>选择模型文件夹</translation>
    </message>
    <message>
        <source>Choose a GGUF file</source>
        <translation>选择 GGUF 文件</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <source>Inkwell could not read its list of models.</source>
        <translation>Inkwell 无法读取它的模型列表。</translation>
    </message>
    <message>
        <source>“{id}” is not a Hugging Face model id. Ids look like owner/name.</source>
        <translation>“{id}”不是 Hugging Face 模型 ID。ID 的格式是 所有者/名称。</translation>
    </message>
    <message>
        <source>The model could not be removed.</source>
        <translation>无法移除该模型。</translation>
    </message>
    <message>
        <source>Checking the system keyring…</source>
        <translation>正在检查系统密钥环…</translation>
    </message>
    <message>
        <source>A token is stored in the system keyring.</source>
        <translation>系统密钥环中已保存令牌。</translation>
    </message>
    <message>
        <source>No token stored. Gated models (Llama, Gemma) need one: create it at huggingface.co/settings/tokens.</source>
        <translation>尚未保存令牌。需授权的模型（Llama、Gemma）需要令牌：请在 huggingface.co/settings/tokens 创建。</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>Outline</name>
    <message>
        <source>Outline of the document&apos;s headings</source>
        <translation>文档标题大纲</translation>
    </message>
    <message>
        <source>This document is too long for an outline.</source>
        <translation>这篇文档太长，无法生成大纲。</translation>
    </message>
    <message>
        <source>No headings yet: lines starting with # appear here.</source>
        <translation>还没有标题：以 # 开头的行会显示在这里。</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <source>Source: the selection ({count} characters)</source>
        <translation>来源：选中内容（{count} 个字符）</translation>
    </message>
    <message>
        <source>Source: the whole document ({count} characters)</source>
        <translation>来源：整篇文档（{count} 个字符）</translation>
    </message>
    <message>
        <source>Note about the model</source>
        <translation>关于模型的说明</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Markdown preview</source>
        <translation>Markdown 预览</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Restore Unsaved Work</source>
        <translation>恢复未保存的内容</translation>
    </message>
    <message>
        <source>Inkwell did not close normally last time. These documents had changes that were not saved. Tick the ones to restore; they open as unsaved documents.</source>
        <translation>Inkwell 上次没有正常关闭。这些文档有未保存的更改。勾选要恢复的文档；它们会作为未保存的文档打开。</translation>
    </message>
    <message>
        <source>Documents that can be restored</source>
        <translation>可以恢复的文档</translation>
    </message>
    <message>
        <source>{title} — {words} words, saved {when}</source>
        <translation>{title} — {words} 字，保存于 {when}</translation>
    </message>
    <message>
        <source>Untitled document</source>
        <translation>未命名文档</translation>
    </message>
    <message>
        <source>What would be restored</source>
        <translation>将要恢复的内容</translation>
    </message>
    <message>
        <source>&amp;Restore Selected</source>
        <translation>恢复所选(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard All</source>
        <translation>全部丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>Decide &amp;Later</source>
        <translation>以后再说(&amp;L)</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Review of the model&apos;s change</source>
        <translation>审阅模型的改动</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>审阅状态</translation>
    </message>
    <message>
        <source>Proposed change</source>
        <translation>建议的改动</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Insert Below</source>
        <translation>插入到下方</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stop the model — Esc</source>
        <translation>停止模型 — Esc</translation>
    </message>
    <message>
        <source>◀ Previous Change</source>
        <translation>◀ 上一处改动</translation>
    </message>
    <message>
        <source>Next Change ▶</source>
        <translation>下一处改动 ▶</translation>
    </message>
    <message>
        <source>Take Change</source>
        <translation>采纳此处改动</translation>
    </message>
    <message>
        <source>Leave Change</source>
        <translation>保留此处原文</translation>
    </message>
    <message>
        <source>Changes, each taken or left</source>
        <translation>各处改动（采纳或保留原文）</translation>
    </message>
    <message>
        <source> (part {part} of {parts})</source>
        <translation>（第 {part} 部分，共 {parts} 部分）</translation>
    </message>
    <message>
        <source>Waiting for the model…</source>
        <translation>正在等待模型…</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>正在撰写…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Stopped — you can accept what was written.</source>
        <translation>已停止 — 你可以接受已写出的内容。</translation>
    </message>
    <message>
        <source>Failed — see the message above.</source>
        <translation>失败 — 请查看上方的消息。</translation>
    </message>
    <message>
        <source>{rate:.1f} tokens/s, {mode}</source>
        <translation>{rate:.1f} 词元/秒，{mode}</translation>
    </message>
    <message>
        <source>{pct:.0f}% changed</source>
        <translation>改动了 {pct:.0f}%</translation>
    </message>
    <message>
        <source>change {n} of {count}: {taken} taken, {left} left</source>
        <translation>第 {n} 处改动，共 {count} 处：已采纳 {taken} 处，保留原文 {left} 处</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <source>No system keyring is available on this computer, so Inkwell cannot store secrets such as your Hugging Face token. A token you enter is used until Inkwell closes; to keep one, set the HF_TOKEN environment variable.</source>
        <translation>这台电脑上没有可用的系统密钥环，因此 Inkwell 无法保存 Hugging Face 令牌等机密信息。你输入的令牌会一直使用到 Inkwell 关闭；如需长期保存，请设置 HF_TOKEN 环境变量。</translation>
    </message>
    <message>
        <source>The system keyring did not answer ({reason}). Unlock it and try again; until then the token is used only until Inkwell closes.</source>
        <translation>系统密钥环没有响应（{reason}）。请解锁后重试；在此之前，令牌只使用到 Inkwell 关闭为止。</translation>
    </message>
</context>
<context>
    <name>SelectionActions</name>
    <message>
        <source>Rewrite</source>
        <translation>改写</translation>
    </message>
    <message>
        <source>Proofread</source>
        <translation>校对</translation>
    </message>
    <message>
        <source>Shorten</source>
        <translation>精简</translation>
    </message>
    <message>
        <source>Expand</source>
        <translation>扩写</translation>
    </message>
    <message>
        <source>Formal tone</source>
        <translation>正式语气</translation>
    </message>
    <message>
        <source>Friendly tone</source>
        <translation>友好语气</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>The document is empty: write or paste some text first.</source>
        <translation>文档是空的：请先写入或粘贴一些文字。</translation>
    </message>
    <message>
        <source>Select some text, or put the cursor in a paragraph, for the model to work on.</source>
        <translation>请选中一些文字，或把光标放在某个段落中，让模型来处理。</translation>
    </message>
    <message>
        <source>The text was edited meanwhile; select it again and run the action anew.</source>
        <translation>文字在此期间已被编辑；请重新选中它，再次运行该操作。</translation>
    </message>
    <message>
        <source>The original text was edited while the model worked, so it was not replaced. Retry to work on the new text.</source>
        <translation>模型工作期间原文已被编辑，因此没有替换。请点“重试”处理新的文字。</translation>
    </message>
    <message>
        <source>The model returned no text, so nothing was replaced.</source>
        <translation>模型没有返回任何文字，因此没有替换任何内容。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Automatic (GPU when there is one)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>NVIDIA GPU (CUDA)</source>
        <translation>NVIDIA GPU（CUDA）</translation>
    </message>
    <message>
        <source>NVIDIA GPU 2 (cuda:1)</source>
        <translation>NVIDIA GPU 2（cuda:1）</translation>
    </message>
    <message>
        <source>Apple GPU (Metal)</source>
        <translation>Apple GPU（Metal）</translation>
    </message>
    <message>
        <source>Automatic (bf16/fp16 on GPUs, fp32 on the CPU)</source>
        <translation>自动（GPU 上用 bf16/fp16，CPU 上用 fp32）</translation>
    </message>
    <message>
        <source>Continue writing</source>
        <translation>续写</translation>
    </message>
    <message>
        <source>Editing actions</source>
        <translation>编辑操作</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <source>Max new tokens (0 = automatic)</source>
        <translation>最大新词元数 (0 = 自动)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>写作</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>在这台电脑上</translation>
    </message>
    <message>
        <source>On a server (OpenAI-compatible: Ollama, vLLM, LM Studio, llama.cpp…)</source>
        <translation>在服务器上（OpenAI 兼容：Ollama、vLLM、LM Studio、llama.cpp…）</translation>
    </message>
    <message>
        <source>Local model</source>
        <translation>本地模型</translation>
    </message>
    <message>
        <source>The built-in model (SmolLM2-135M-Instruct)</source>
        <translation>内置模型（SmolLM2-135M-Instruct）</translation>
    </message>
    <message>
        <source>Model Manager…</source>
        <translation>模型管理器…</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>The same model</source>
        <translation>同一个模型</translation>
    </message>
    <message>
        <source>Use the Same</source>
        <translation>使用同一个</translation>
    </message>
    <message>
        <source>For translation:</source>
        <translation>翻译使用：</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>In use: {device}, {dtype}.</source>
        <translation>正在使用：{device}，{dtype}。</translation>
    </message>
    <message>
        <source>No model loaded yet.</source>
        <translation>尚未加载模型。</translation>
    </message>
    <message>
        <source>Why not the GPU: {reason}</source>
        <translation>为什么没有使用 GPU：{reason}</translation>
    </message>
    <message>
        <source>Device in use</source>
        <translation>正在使用的设备</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>精度：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>CPU 线程数：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Unload when idle for:</source>
        <translation>空闲多久后卸载：</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Address (ends in /v1):</source>
        <translation>地址（以 /v1 结尾）：</translation>
    </message>
    <message>
        <source>e.g. llama3.2, or the path the server was started with</source>
        <translation>例如 llama3.2，或启动服务器时使用的路径</translation>
    </message>
    <message>
        <source>Model name on the server</source>
        <translation>服务器上的模型名称</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Only if the server asks for one</source>
        <translation>仅当服务器要求时填写</translation>
    </message>
    <message>
        <source>Save Key</source>
        <translation>保存密钥</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <source>Context length (tokens):</source>
        <translation>上下文长度（词元）：</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>连接测试结果</translation>
    </message>
    <message>
        <source>The key could not be stored in a system keyring: it is used until Inkwell closes. To keep one, set the INKWELL_API_KEY environment variable.</source>
        <translation>密钥无法保存到系统密钥环：它会一直使用到 Inkwell 关闭。如需长期保存，请设置 INKWELL_API_KEY 环境变量。</translation>
    </message>
    <message>
        <source>No system keyring is available, so a key cannot be stored: a key you save is used until Inkwell closes. To keep one, set the INKWELL_API_KEY environment variable.</source>
        <translation>没有可用的系统密钥环，因此无法保存密钥：你保存的密钥会一直使用到 Inkwell 关闭。如需长期保存，请设置 INKWELL_API_KEY 环境变量。</translation>
    </message>
    <message>
        <source>A key is stored in the system keyring.</source>
        <translation>系统密钥环中已保存密钥。</translation>
    </message>
    <message>
        <source>No key stored.</source>
        <translation>尚未保存密钥。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>How the model writes for each task. Lower temperature: steadier, more literal text; higher: more varied; temperature 0 always picks the likeliest word. Max new tokens 0 lets Inkwell size the answer to the text.</source>
        <translation>模型在各项任务中的写作方式。温度越低，文字越稳定、越贴近原意；越高则越多变；温度为 0 时总是选择可能性最大的词。最大新词元数为 0 时，由 Inkwell 根据文字决定回答的长度。</translation>
    </message>
    <message>
        <source>{name}:</source>
        <comment>a field&apos;s label</comment>
        <translation>{name}：</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>The language applies the next time Inkwell starts.</source>
        <translation>语言设置在 Inkwell 下次启动时生效。</translation>
    </message>
    <message>
        <source>Customize Keyboard Shortcuts…</source>
        <translation>自定义键盘快捷键…</translation>
    </message>
    <message>
        <source>Shortcuts:</source>
        <translation>快捷键：</translation>
    </message>
    <message>
        <source>Documents&apos; recovery files and conversations</source>
        <translation>文档的恢复文件和对话</translation>
    </message>
    <message>
        <source>Downloaded models</source>
        <translation>已下载的模型</translation>
    </message>
    <message>
        <source>Converted models (copies of .gguf files)</source>
        <translation>转换后的模型（.gguf 文件的副本）</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open the folder: {name}</source>
        <translation>打开文件夹：{name}</translation>
    </message>
    <message>
        <source>Set the INKWELL_HOME environment variable to keep all of these under one folder.</source>
        <translation>设置 INKWELL_HOME 环境变量，可把这些都放在同一个文件夹下。</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑器</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Filter actions</source>
        <translation>筛选操作</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>作用范围</translation>
    </message>
    <message>
        <source>Actions and their shortcuts</source>
        <translation>操作及其快捷键</translation>
    </message>
    <message>
        <source>New shortcut</source>
        <translation>新快捷键</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>指定(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Reset to Default</source>
        <translation>恢复默认(&amp;R)</translation>
    </message>
    <message>
        <source>Reset &amp;All</source>
        <translation>全部恢复默认(&amp;A)</translation>
    </message>
    <message>
        <source>Shortcut conflicts</source>
        <translation>快捷键冲突</translation>
    </message>
    <message>
        <source>Shortcut:</source>
        <translation>快捷键：</translation>
    </message>
    <message>
        <source>{keys} is used by both “{a}” and “{b}”.</source>
        <translation>{keys} 同时被“{a}”和“{b}”使用。</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>没有冲突。</translation>
    </message>
    <message>
        <source>Shortcut list</source>
        <translation>快捷键列表</translation>
    </message>
    <message>
        <source>&amp;Customize…</source>
        <translation>自定义(&amp;C)…</translation>
    </message>
    <message>
        <source>Accept a continuation</source>
        <translation>接受续写内容</translation>
    </message>
    <message>
        <source>Discard a continuation</source>
        <translation>放弃续写内容</translation>
    </message>
    <message>
        <source>In the editor</source>
        <translation>在编辑器中</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <source>Model activity</source>
        <translation>模型活动</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>模型加载进度</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Speed of the last run</source>
        <translation>上次运行的速度</translation>
    </message>
    <message>
        <source>Memory used by the model</source>
        <translation>模型占用的内存</translation>
    </message>
    <message>
        <source>{path}
Context: {context} tokens</source>
        <translation>{path}
上下文：{context} 个词元</translation>
    </message>
    <message>
        <source>no GPU: {reason}</source>
        <translation>未使用 GPU：{reason}</translation>
    </message>
    <message>
        <source>Running on the GPU</source>
        <translation>正在 GPU 上运行</translation>
    </message>
    <message>
        <source>Model not loaded</source>
        <translation>模型未加载</translation>
    </message>
    <message>
        <source>{rate:.1f} tokens/s</source>
        <translation>{rate:.1f} 词元/秒</translation>
    </message>
    <message>
        <source>{n} tokens, first after {ttft:.0f} ms</source>
        <translation>{n} 个词元，首个词元用时 {ttft:.0f} 毫秒</translation>
    </message>
    <message>
        <source>Model RAM {size}</source>
        <translation>模型内存 {size}</translation>
    </message>
    <message>
        <source>Memory used by the model process (the editor&apos;s own is not included)</source>
        <translation>模型进程占用的内存（不含编辑器本身）</translation>
    </message>
    <message>
        <source>Model unloaded (idle)</source>
        <translation>模型已卸载（空闲）</translation>
    </message>
    <message>
        <source>Unloaded to free memory; the next request loads it again.</source>
        <translation>已卸载以释放内存；下次请求时会重新加载。</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
</context>
<context>
    <name>SummarizeController</name>
    <message>
        <source>{model} writes poorly in languages other than English. For better summaries in {language}, choose a larger multilingual model such as Qwen2.5-1.5B-Instruct in the model manager.</source>
        <translation>{model} 用英语以外的语言写作效果不佳。要得到更好的{language}摘要，请在模型管理器中选择更大的多语言模型，例如 Qwen2.5-1.5B-Instruct。</translation>
    </message>
    <message>
        <source>{model} writes poor summaries. Choose a larger model such as Qwen2.5-1.5B-Instruct in the model manager.</source>
        <translation>{model} 写出的摘要质量不佳。请在模型管理器中选择更大的模型，例如 Qwen2.5-1.5B-Instruct。</translation>
    </message>
    <message>
        <source>The selection</source>
        <translation>选中内容</translation>
    </message>
    <message>
        <source>The document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>{what} has no text to summarize. Write or select some text first.</source>
        <translation>{what}没有可供摘要的文字。请先写入或选中一些文字。</translation>
    </message>
    <message>
        <source>Waiting for the model to load…</source>
        <translation>正在等待模型加载…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>The model could not be loaded.</source>
        <translation>无法加载模型。</translation>
    </message>
    <message>
        <source>Counting tokens…</source>
        <translation>正在统计词元…</translation>
    </message>
    <message>
        <source>This text cannot be summarized with the loaded model.</source>
        <translation>无法用已加载的模型为这段文字生成摘要。</translation>
    </message>
    <message>
        <source>The text could not be prepared for summarizing. Your text is safe; try again.</source>
        <translation>无法为生成摘要准备文字。你的文字是安全的；请重试。</translation>
    </message>
    <message>
        <source>Not summarized.</source>
        <translation>未生成摘要。</translation>
    </message>
    <message>
        <source>The model wrote no summary. Try Regenerate, or choose another model.</source>
        <translation>模型没有写出摘要。请试试“重新生成”，或选择其他模型。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Waiting for the model (it is busy with another task)…</source>
        <translation>正在等待模型（它正忙于另一项任务）…</translation>
    </message>
    <message>
        <source>Summarizing…</source>
        <translation>正在生成摘要…</translation>
    </message>
    <message>
        <source>Writing the summary from {parts} part summaries…</source>
        <translation>正在根据 {parts} 个部分的摘要写出总摘要…</translation>
    </message>
    <message>
        <source>Part {index} of {of}</source>
        <translation>第 {index} 部分，共 {of} 部分</translation>
    </message>
    <message>
        <source>Combining part summaries: {index} of {of}</source>
        <translation>正在合并各部分摘要：第 {index} 个，共 {of} 个</translation>
    </message>
    <message>
        <source>Parts {first}–{last} combined</source>
        <translation>已合并第 {first}–{last} 部分</translation>
    </message>
    <message>
        <source>Stopped: the summary is incomplete.</source>
        <translation>已停止：摘要不完整。</translation>
    </message>
    <message>
        <source>Stopped: partial summary of parts 1–{covered} of {parts}.</source>
        <translation>已停止：只摘要了第 1–{covered} 部分，共 {parts} 部分。</translation>
    </message>
    <message>
        <source>Stopped before the first part was summarized.</source>
        <translation>在摘要第一部分之前就已停止。</translation>
    </message>
    <message>
        <source>Select the text to replace first.</source>
        <translation>请先选中要替换的文字。</translation>
    </message>
</context>
<context>
    <name>SummarizePane</name>
    <message>
        <source>Text to summarize</source>
        <translation>要生成摘要的文字</translation>
    </message>
    <message>
        <source>One sentence</source>
        <translation>一句话</translation>
    </message>
    <message>
        <source>Short paragraph</source>
        <translation>一小段</translation>
    </message>
    <message>
        <source>Detailed</source>
        <translation>详细</translation>
    </message>
    <message>
        <source>Summary length</source>
        <translation>摘要长度</translation>
    </message>
    <message>
        <source>Prose</source>
        <translation>成段文字</translation>
    </message>
    <message>
        <source>Bullet points</source>
        <translation>要点列表</translation>
    </message>
    <message>
        <source>Key points and action items</source>
        <translation>要点和待办事项</translation>
    </message>
    <message>
        <source>Summary style</source>
        <translation>摘要形式</translation>
    </message>
    <message>
        <source>Same as the text</source>
        <translation>与原文相同</translation>
    </message>
    <message>
        <source>Language of the summary</source>
        <translation>摘要的语言</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>长度(&amp;L)：</translation>
    </message>
    <message>
        <source>F&amp;orm:</source>
        <translation>形式(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Write in:</source>
        <translation>使用语言(&amp;W)：</translation>
    </message>
    <message>
        <source>Summari&amp;ze</source>
        <translation>生成摘要(&amp;Z)</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>生成摘要</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop summarizing</source>
        <translation>停止生成摘要</translation>
    </message>
    <message>
        <source>Re&amp;generate</source>
        <translation>重新生成(&amp;G)</translation>
    </message>
    <message>
        <source>Regenerate the summary</source>
        <translation>重新生成摘要</translation>
    </message>
    <message>
        <source>Summary status</source>
        <translation>摘要状态</translation>
    </message>
    <message>
        <source>Summary progress</source>
        <translation>摘要进度</translation>
    </message>
    <message>
        <source>Partial summary</source>
        <translation>部分摘要</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>The summary appears here.</source>
        <translation>摘要会显示在这里。</translation>
    </message>
    <message>
        <source>Part summaries</source>
        <translation>各部分摘要</translation>
    </message>
    <message>
        <source>Co&amp;py</source>
        <translation>复制(&amp;P)</translation>
    </message>
    <message>
        <source>Copy the summary</source>
        <translation>复制摘要</translation>
    </message>
    <message>
        <source>Insert at c&amp;ursor</source>
        <translation>插入到光标处(&amp;U)</translation>
    </message>
    <message>
        <source>Insert the summary at the cursor</source>
        <translation>把摘要插入到光标处</translation>
    </message>
    <message>
        <source>Replace selectio&amp;n</source>
        <translation>替换选中内容(&amp;N)</translation>
    </message>
    <message>
        <source>Replace the selection with the summary</source>
        <translation>用摘要替换选中内容</translation>
    </message>
    <message>
        <source>The text is long: its {parts} parts are summarized first (below), then the summary is written here.</source>
        <translation>文字较长：先为它的 {parts} 个部分分别生成摘要（见下方），再在这里写出总摘要。</translation>
    </message>
    <message>
        <source>Partial summary: it covers parts 1–{covered} of {parts} only.</source>
        <translation>部分摘要：只涵盖第 1–{covered} 部分，共 {parts} 部分。</translation>
    </message>
    <message>
        <source>Partial summary: the model was stopped before it finished.</source>
        <translation>部分摘要：模型在完成之前被停止了。</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <source>Open documents</source>
        <translation>打开的文档</translation>
    </message>
</context>
<context>
    <name>TranslateController</name>
    <message>
        <source>Choose the source language first: the language of the text could not be detected.</source>
        <translation>请先选择源语言：无法检测出文字的语言。</translation>
    </message>
    <message>
        <source>{model} cannot translate: expect wrong or untranslated text. For real translations, choose a multilingual model such as Qwen2.5-1.5B-Instruct in the model manager.</source>
        <translation>{model} 不会翻译：译文可能有误或未被翻译。要得到真正的翻译，请在模型管理器中选择多语言模型，例如 Qwen2.5-1.5B-Instruct。</translation>
    </message>
    <message>
        <source>The selection</source>
        <translation>选中内容</translation>
    </message>
    <message>
        <source>The document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>{what} has no text to translate. Write or select some text first.</source>
        <translation>{what}没有可翻译的文字。请先写入或选中一些文字。</translation>
    </message>
    <message>
        <source>Waiting for the model to load…</source>
        <translation>正在等待模型加载…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>The model could not be loaded.</source>
        <translation>无法加载模型。</translation>
    </message>
    <message>
        <source>Reading the text…</source>
        <translation>正在读取文字…</translation>
    </message>
    <message>
        <source>The text could not be prepared for translation. Your text is safe; try again.</source>
        <translation>无法为翻译准备文字。你的文字是安全的；请重试。</translation>
    </message>
    <message>
        <source>Not translated.</source>
        <translation>未翻译。</translation>
    </message>
    <message>
        <source>The text is already in {language}. Choose another target language.</source>
        <translation>文字已经是{language}了。请选择其他目标语言。</translation>
    </message>
    <message>
        <source>Already in {language}: nothing to do.</source>
        <translation>已经是{language}：无需翻译。</translation>
    </message>
    <message>
        <source>There is nothing to translate: the text has no words.</source>
        <translation>没有可翻译的内容：文字中没有词语。</translation>
    </message>
    <message>
        <source>Nothing to translate.</source>
        <translation>没有可翻译的内容。</translation>
    </message>
    <message>
        <source>Could not tell the language of the text; translating anyway.</source>
        <translation>无法判断文字的语言；仍然继续翻译。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Translating part {index} of {of}</source>
        <translation>正在翻译第 {index} 部分，共 {of} 部分</translation>
    </message>
    <message>
        <source>Stopped: {done} of {total} parts translated.</source>
        <translation>已停止：已翻译 {done} 部分，共 {total} 部分。</translation>
    </message>
    <message>
        <source>Select the text to replace first.</source>
        <translation>请先选中要替换的文字。</translation>
    </message>
</context>
<context>
    <name>TranslatePane</name>
    <message>
        <source>There is no text to look at.</source>
        <translation>没有可供检测的文字。</translation>
    </message>
    <message>
        <source>The text is too short to tell.</source>
        <translation>文字太短，无法判断。</translation>
    </message>
    <message>
        <source>The text has no words, only numbers or symbols.</source>
        <translation>文字中没有词语，只有数字或符号。</translation>
    </message>
    <message>
        <source>It is written in a script Inkwell does not know.</source>
        <translation>它使用的文字系统 Inkwell 不认识。</translation>
    </message>
    <message>
        <source>It does not look clearly like any language Inkwell knows.</source>
        <translation>它不太像 Inkwell 认识的任何一种语言。</translation>
    </message>
    <message>
        <source>Could not tell the language. {reason} Choose the source language if you know it.</source>
        <translation>无法判断语言。{reason}如果你知道源语言，请选择它。</translation>
    </message>
    <message>
        <source>Detected: {main}, mixed with {others}</source>
        <translation>检测到：{main}，混有{others}</translation>
    </message>
    <message>
        <source>Detected: {language}</source>
        <translation>检测到：{language}</translation>
    </message>
    <message>
        <source>Text to translate</source>
        <translation>要翻译的文字</translation>
    </message>
    <message>
        <source>Detect language</source>
        <translation>检测语言</translation>
    </message>
    <message>
        <source>Translate from</source>
        <translation>源语言</translation>
    </message>
    <message>
        <source>Translate into</source>
        <translation>目标语言</translation>
    </message>
    <message>
        <source>Swap the languages</source>
        <translation>交换两种语言</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>Into:</source>
        <translation>译为：</translation>
    </message>
    <message>
        <source>Detected language</source>
        <translation>检测到的语言</translation>
    </message>
    <message>
        <source>Trans&amp;late</source>
        <translation>翻译(&amp;L)</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop translating</source>
        <translation>停止翻译</translation>
    </message>
    <message>
        <source>Translate &amp;while I type</source>
        <translation>边输入边翻译(&amp;W)</translation>
    </message>
    <message>
        <source>Translate as I type</source>
        <translation>输入时自动翻译</translation>
    </message>
    <message>
        <source>Translation status</source>
        <translation>翻译状态</translation>
    </message>
    <message>
        <source>Translation progress</source>
        <translation>翻译进度</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <source>The translation appears here.</source>
        <translation>译文会显示在这里。</translation>
    </message>
    <message>
        <source>Co&amp;py</source>
        <translation>复制(&amp;P)</translation>
    </message>
    <message>
        <source>Copy the translation</source>
        <translation>复制译文</translation>
    </message>
    <message>
        <source>Insert at c&amp;ursor</source>
        <translation>插入到光标处(&amp;U)</translation>
    </message>
    <message>
        <source>Insert the translation at the cursor</source>
        <translation>把译文插入到光标处</translation>
    </message>
    <message>
        <source>Replace selectio&amp;n</source>
        <translation>替换选中内容(&amp;N)</translation>
    </message>
    <message>
        <source>Replace the selection with the translation</source>
        <translation>用译文替换选中内容</translation>
    </message>
    <message>
        <source>%v of %m parts translated</source>
        <translation>已翻译 %v / %m 部分</translation>
    </message>
    <message>
        <source>Replace &amp;document</source>
        <translation>替换整篇文档(&amp;D)</translation>
    </message>
    <message>
        <source>Replace the document with the translation</source>
        <translation>用译文替换整篇文档</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>{name} could not be opened ({error}).</source>
        <translation>无法打开 {name}（{error}）。</translation>
    </message>
    <message>
        <source>Imported {name} as a new Markdown document.</source>
        <translation>已将 {name} 导入为新的 Markdown 文档。</translation>
    </message>
    <message>
        <source>{name} was deleted or moved by another program. Your text is still here; save it to keep it.</source>
        <translation>{name} 已被其他程序删除或移动。你的文字仍在这里；请保存以免丢失。</translation>
    </message>
    <message>
        <source>{name} changed on disk and was reloaded.</source>
        <translation>{name} 在磁盘上已更改，已重新载入。</translation>
    </message>
    <message>
        <source>{name} is not in a file yet, so there is nothing to read again. Save it first.</source>
        <translation>{name} 还没有保存为文件，因此无法重新读取。请先保存。</translation>
    </message>
</context>
</TS>
