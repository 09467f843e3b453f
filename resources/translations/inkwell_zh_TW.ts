<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>About</name>
    <message>
        <source>SmolLM2-135M-Instruct (the embedded model)</source>
        <translation>SmolLM2-135M-Instruct（內建模型）</translation>
    </message>
    <message>
        <source>Model weights by Hugging Face, shipped in GGUF form.</source>
        <translation>模型權重由 Hugging Face 提供，以 GGUF 格式隨附。</translation>
    </message>
    <message>
        <source>Qt for Python (PySide6) and Qt</source>
        <translation>Qt for Python（PySide6）和 Qt</translation>
    </message>
    <message>
        <source>Used as unmodified shared libraries; you may replace them with your own build of the same version.</source>
        <translation>以未經修改的共享庫形式使用；你可以用自己構建的同一版本替換它們。</translation>
    </message>
    <message>
        <source>Hugging Face Hub client</source>
        <translation>Hugging Face Hub 客戶端</translation>
    </message>
    <message>
        <source>Lingua (language detection)</source>
        <translation>Lingua（語言檢測）</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>關於 {app}</translation>
    </message>
    <message>
        <source>{app} version {version}</source>
        <translation>{app} 版本 {version}</translation>
    </message>
    <message>
        <source>A local-first AI writing desk. Your text stays on this computer.
Licensed under the Apache License 2.0.</source>
        <translation>一款本地優先的 AI 寫作臺。你的文字始終留在這臺電腦上。
依據 Apache License 2.0 許可釋出。</translation>
    </message>
    <message>
        <source>Third-party software included in this copy:</source>
        <translation>本副本包含的第三方軟體：</translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation>第三方宣告</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New</source>
        <translation>新增(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new document in a new tab</source>
        <translation>在新分頁中開始一篇新文件</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開啟(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a Markdown or text file</source>
        <translation>開啟 Markdown 或文字檔案</translation>
    </message>
    <message>
        <source>&amp;Import Word Document…</source>
        <translation>匯入 Word 文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Import the text and headings of a .docx file as a new document</source>
        <translation>將 .docx 檔案的文字和標題匯入為新文件</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>儲存文件</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存為(&amp;A)…</translation>
    </message>
    <message>
        <source>Save under a new name</source>
        <translation>以新名稱儲存</translation>
    </message>
    <message>
        <source>Reopen &amp;with Encoding…</source>
        <translation>以其他編碼重新開啟(&amp;W)…</translation>
    </message>
    <message>
        <source>Read the file again in another encoding, when its text shows as gibberish</source>
        <translation>文字顯示為亂碼時，用另一種編碼重新讀取檔案</translation>
    </message>
    <message>
        <source>Save with Encodin&amp;g…</source>
        <translation>以其他編碼儲存(&amp;G)…</translation>
    </message>
    <message>
        <source>Save the file in another encoding, such as GB18030, Big5 or UTF-8</source>
        <translation>以另一種編碼儲存檔案，例如 GB18030、Big5 或 UTF-8</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export as Markdown, text, HTML, Word or PDF</source>
        <translation>匯出為 Markdown、文字、HTML、Word 或 PDF</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the document, with a preview</source>
        <translation>列印文件，帶預覽</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>關閉分頁(&amp;C)</translation>
    </message>
    <message>
        <source>Close the document</source>
        <translation>關閉文件</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close Inkwell</source>
        <translation>關閉 Inkwell</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查詢(&amp;F)…</translation>
    </message>
    <message>
        <source>Find text in the document</source>
        <translation>在文件中查詢文字</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>替換(&amp;R)…</translation>
    </message>
    <message>
        <source>Find and replace</source>
        <translation>查詢和替換</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查詢下一個(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>查詢上一個(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation>轉到行(&amp;G)…</translation>
    </message>
    <message>
        <source>Jump to a line number</source>
        <translation>跳轉到指定行號</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>實際大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Word Wrap</source>
        <translation>自動換行(&amp;W)</translation>
    </message>
    <message>
        <source>Wrap long lines at the window edge</source>
        <translation>在視窗邊緣折行顯示長行</translation>
    </message>
    <message>
        <source>Markdown &amp;Preview</source>
        <translation>Markdown 預覽(&amp;P)</translation>
    </message>
    <message>
        <source>Show the rendered Markdown beside the text</source>
        <translation>在文字旁顯示渲染後的 Markdown</translation>
    </message>
    <message>
        <source>O&amp;utline</source>
        <translation>大綱(&amp;U)</translation>
    </message>
    <message>
        <source>The document&apos;s headings; click one to go there</source>
        <translation>文件的各級標題；點選即可跳轉</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>歷史版本(&amp;H)</translation>
    </message>
    <message>
        <source>Every saved or AI-edited version of the document; compare and restore</source>
        <translation>文件每次儲存或經 AI 修改後的版本；可比較和恢復</translation>
    </message>
    <message>
        <source>&amp;Distraction-Free Mode</source>
        <translation>專注模式(&amp;D)</translation>
    </message>
    <message>
        <source>Full screen with only the text; the same key brings everything back</source>
        <translation>全屏，只顯示文字；再按同一快捷鍵恢復全部介面</translation>
    </message>
    <message>
        <source>&amp;Summarize Pane</source>
        <translation>摘要面板(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Translate Pane</source>
        <translation>翻譯面板(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Chat Pane</source>
        <translation>對話面板(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Continue Writing</source>
        <translation>續寫(&amp;C)</translation>
    </message>
    <message>
        <source>Let the model continue from the cursor; Tab accepts, Esc discards</source>
        <translation>讓模型從游標處接著寫；Tab 接受，Esc 放棄</translation>
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
        <translation>改寫(&amp;R)</translation>
    </message>
    <message>
        <source>Rewrite the selection more clearly</source>
        <translation>把選中內容改寫得更清楚</translation>
    </message>
    <message>
        <source>&amp;Proofread</source>
        <translation>校對(&amp;P)</translation>
    </message>
    <message>
        <source>Fix spelling and grammar only</source>
        <translation>只修正拼寫和語法</translation>
    </message>
    <message>
        <source>S&amp;horten</source>
        <translation>精簡(&amp;H)</translation>
    </message>
    <message>
        <source>Make the selection shorter</source>
        <translation>讓選中內容更簡短</translation>
    </message>
    <message>
        <source>E&amp;xpand</source>
        <translation>擴寫(&amp;X)</translation>
    </message>
    <message>
        <source>Develop the selection with more detail</source>
        <translation>為選中內容補充更多細節</translation>
    </message>
    <message>
        <source>Make &amp;Formal</source>
        <translation>改為正式語氣(&amp;F)</translation>
    </message>
    <message>
        <source>Change the tone to formal</source>
        <translation>把語氣改為正式</translation>
    </message>
    <message>
        <source>Make Frien&amp;dly</source>
        <translation>改為友好語氣(&amp;D)</translation>
    </message>
    <message>
        <source>Change the tone to friendly</source>
        <translation>把語氣改為友好</translation>
    </message>
    <message>
        <source>&amp;Translate Selection</source>
        <translation>翻譯選中內容(&amp;T)</translation>
    </message>
    <message>
        <source>Translate the selection into the last-used language</source>
        <translation>把選中內容翻譯成上次使用的語言</translation>
    </message>
    <message>
        <source>E&amp;xplain</source>
        <translation>解釋(&amp;X)</translation>
    </message>
    <message>
        <source>Explain the selection in plain words</source>
        <translation>用通俗的話解釋選中內容</translation>
    </message>
    <message>
        <source>&amp;Accept Change</source>
        <translation>接受改動(&amp;A)</translation>
    </message>
    <message>
        <source>Replace the original with this version</source>
        <translation>用這個版本替換原文</translation>
    </message>
    <message>
        <source>Insert &amp;Below</source>
        <translation>插入到下方(&amp;B)</translation>
    </message>
    <message>
        <source>Put the explanation below the passage</source>
        <translation>把解釋放在該段落下方</translation>
    </message>
    <message>
        <source>&amp;Copy Result</source>
        <translation>複製結果(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the model&apos;s version</source>
        <translation>複製模型給出的版本</translation>
    </message>
    <message>
        <source>&amp;Reject Change</source>
        <translation>拒絕改動(&amp;R)</translation>
    </message>
    <message>
        <source>Keep the original</source>
        <translation>保留原文</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>重試(&amp;Y)</translation>
    </message>
    <message>
        <source>Ask the model again</source>
        <translation>讓模型重新生成</translation>
    </message>
    <message>
        <source>&amp;Next Change</source>
        <translation>下一處改動(&amp;N)</translation>
    </message>
    <message>
        <source>Go to the next change of the review</source>
        <translation>轉到審閱中的下一處改動</translation>
    </message>
    <message>
        <source>&amp;Previous Change</source>
        <translation>上一處改動(&amp;P)</translation>
    </message>
    <message>
        <source>Go to the previous change</source>
        <translation>轉到上一處改動</translation>
    </message>
    <message>
        <source>&amp;Take Change</source>
        <translation>採納此處改動(&amp;T)</translation>
    </message>
    <message>
        <source>Take this change, then go to the next one</source>
        <translation>採納這處改動，然後轉到下一處</translation>
    </message>
    <message>
        <source>&amp;Leave Change</source>
        <translation>保留此處原文(&amp;L)</translation>
    </message>
    <message>
        <source>Keep the original words here, then go on</source>
        <translation>此處保留原文，然後繼續</translation>
    </message>
    <message>
        <source>Su&amp;mmarize</source>
        <translation>摘要(&amp;M)</translation>
    </message>
    <message>
        <source>Summarize the selection or the document</source>
        <translation>為選中內容或整篇文件生成摘要</translation>
    </message>
    <message>
        <source>As&amp;k About Selection</source>
        <translation>就選中內容提問(&amp;K)</translation>
    </message>
    <message>
        <source>Ask the chat about the selection</source>
        <translation>在對話中就選中內容提問</translation>
    </message>
    <message>
        <source>&amp;Custom Actions…</source>
        <translation>自定義操作(&amp;C)…</translation>
    </message>
    <message>
        <source>Add, edit or remove your own actions</source>
        <translation>新增、編輯或刪除你自己的操作</translation>
    </message>
    <message>
        <source>&amp;Model Manager…</source>
        <translation>模型管理器(&amp;M)…</translation>
    </message>
    <message>
        <source>Choose, download and manage models</source>
        <translation>選擇、下載和管理模型</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>鍵盤快捷鍵(&amp;K)</translation>
    </message>
    <message>
        <source>Show every shortcut</source>
        <translation>顯示所有快捷鍵</translation>
    </message>
    <message>
        <source>&amp;Customize Shortcuts…</source>
        <translation>自定義快捷鍵(&amp;C)…</translation>
    </message>
    <message>
        <source>Copy &amp;Diagnostics</source>
        <translation>複製診斷資訊(&amp;D)</translation>
    </message>
    <message>
        <source>Copy versions, device and recent log lines</source>
        <translation>複製版本、裝置資訊和最近的日誌</translation>
    </message>
    <message>
        <source>&amp;About Inkwell</source>
        <translation>關於 Inkwell(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message>
        <source>{task} started.</source>
        <translation>{task}已開始。</translation>
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
        <translation>{task}失敗。</translation>
    </message>
    <message>
        <source>Continue writing</source>
        <translation>續寫</translation>
    </message>
    <message>
        <source>Tab keeps the text, Escape discards it.</source>
        <translation>按 Tab 保留這段文字，按 Escape 放棄。</translation>
    </message>
    <message>
        <source>The editing action</source>
        <translation>編輯操作</translation>
    </message>
    <message>
        <source>The summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>The translation</source>
        <translation>翻譯</translation>
    </message>
    <message>
        <source>The answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>The change is ready to review.</source>
        <translation>改動已可以審閱。</translation>
    </message>
    <message>
        <source>The message is too long for the model.</source>
        <translation>訊息太長，模型無法處理。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Something went wrong inside Inkwell ({error}). Your text is safe.</source>
        <translation>Inkwell 內部出錯（{error}）。你的文字是安全的。</translation>
    </message>
</context>
<context>
    <name>Asker</name>
    <message>
        <source>Save the changes to {name} before closing?</source>
        <translation>關閉前是否儲存對 {name} 的更改？</translation>
    </message>
    <message>
        <source>Open it as Windows-1252 text?</source>
        <translation>以 Windows-1252 文字開啟嗎？</translation>
    </message>
    <message>
        <source>{name} was changed by another program.</source>
        <translation>{name} 已被其他程式修改。</translation>
    </message>
    <message>
        <source>Reload it from disk, or keep the text you have here?</source>
        <translation>從磁碟重新載入，還是保留這裡的文字？</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新載入</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>另存為</translation>
    </message>
    <message>
        <source>Save it as UTF-8 instead? UTF-8 holds every character; some old programs cannot read it.</source>
        <translation>改為以 UTF-8 儲存嗎？UTF-8 能儲存所有字元；一些舊程式無法讀取它。</translation>
    </message>
    <message>
        <source>Save as UTF-8</source>
        <translation>以 UTF-8 儲存</translation>
    </message>
    <message>
        <source>Read {name} again as {encoding}? Your unsaved changes to it are replaced by the file&apos;s text.</source>
        <translation>以 {encoding} 重新讀取 {name} 嗎？你未儲存的更改將被檔案中的文字取代。</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>SmolLM2-135M-Instruct (built in)</source>
        <translation>SmolLM2-135M-Instruct（內建）</translation>
    </message>
    <message>
        <source>Always available, works offline. It is small: good for continuing and summarizing short English text, not for translation or Chinese. Download a recommended model for those.</source>
        <translation>隨時可用，無需聯網。它很小：適合續寫和摘要較短的英文文字，不適合翻譯或中文。如需這些功能，請下載推薦的模型。</translation>
    </message>
    <message>
        <source>Small and quick, multilingual including Chinese; translations are usable for short, plain text.</source>
        <translation>小巧快速，支援多種語言（包括中文）；翻譯簡短、樸素的文字效果尚可。</translation>
    </message>
    <message>
        <source>The recommended all-rounder: chat, summaries and translation in 29+ languages including Chinese.</source>
        <translation>推薦的全能型模型：對話、摘要和翻譯，支援包括中文在內的 29 種以上語言。</translation>
    </message>
    <message>
        <source>Qwen Research License (non-commercial)</source>
        <translation>Qwen 研究授權條款（非商業）</translation>
    </message>
    <message>
        <source>Better writing and translation than 1.5B, but needs twice the memory; not for commercial use.</source>
        <translation>寫作和翻譯比 1.5B 更好，但需要兩倍記憶體；不可用於商業用途。</translation>
    </message>
    <message>
        <source>A step up from the built-in model for English, still light enough for any computer.</source>
        <translation>英文能力比內建模型更進一步，依然足夠輕巧，任何電腦都能執行。</translation>
    </message>
    <message>
        <source>Good English writing and summaries; not for translation.</source>
        <translation>英文寫作和摘要表現不錯；不適合翻譯。</translation>
    </message>
    <message>
        <source>Llama 3.2 Community License</source>
        <translation>Llama 3.2 社群授權條款</translation>
    </message>
    <message>
        <source>Eight languages (no Chinese). Gated: accept Meta&apos;s licence on Hugging Face and add your token first.</source>
        <translation>支援八種語言（不含中文）。需授權：請先在 Hugging Face 上接受 Meta 的許可並新增你的令牌。</translation>
    </message>
    <message>
        <source>Stronger than 1B in the same eight languages. Gated: accept the licence and add your token first.</source>
        <translation>同樣支援這八種語言，比 1B 更強。需授權：請先接受許可並新增你的令牌。</translation>
    </message>
    <message>
        <source>Gemma Terms of Use</source>
        <translation>Gemma 使用條款</translation>
    </message>
    <message>
        <source>Mainly English (the larger Gemma 3 models are the multilingual ones). Gated: accept the terms first.</source>
        <translation>以英文為主（較大的 Gemma 3 模型才支援多語言）。需授權：請先接受條款。</translation>
    </message>
</context>
<context>
    <name>Chat</name>
    <message>
        <source>Your saved conversations could not be read: the file is damaged. Inkwell started a new, empty list.</source>
        <translation>無法讀取你儲存的對話：檔案已損壞。Inkwell 已新增一個空列表。</translation>
    </message>
    <message>
        <source>The damaged file was kept as {name} in {folder}.</source>
        <translation>損壞的檔案已保留為 {folder} 中的 {name}。</translation>
    </message>
    <message>
        <source>Your saved conversations are in use by another program (perhaps another Inkwell window). Chats in this window are kept only until it closes. Close the other program and restart Inkwell to see them again.</source>
        <translation>你儲存的對話正被其他程式使用（可能是另一個 Inkwell 視窗）。此視窗中的對話只保留到視窗關閉為止。請關閉另一個程式並重新啟動 Inkwell 以再次看到它們。</translation>
    </message>
    <message>
        <source>A copy was kept as {name} in {folder}.</source>
        <translation>已在 {folder} 中保留一份副本，名為 {name}。</translation>
    </message>
    <message>
        <source>Your conversations were saved by a newer version of Inkwell. They are shown read-only: new chats are not saved. Update Inkwell to continue them.</source>
        <translation>你的對話由更新版本的 Inkwell 儲存。它們以只讀方式顯示：新的對話不會被儲存。請更新 Inkwell 以繼續這些對話。</translation>
    </message>
    <message>
        <source>Your conversations were saved by a newer version of Inkwell that this version cannot read. They are left untouched; chats in this window are kept only until it closes. Update Inkwell to see them.</source>
        <translation>你的對話由更新版本的 Inkwell 儲存，當前版本無法讀取。它們保持原樣；此視窗中的對話只保留到視窗關閉為止。請更新 Inkwell 以檢視它們。</translation>
    </message>
    <message>
        <source>Your saved conversations could not be opened (the file or its folder cannot be written). They are left untouched; chats in this window are kept only until it closes.</source>
        <translation>無法開啟你儲存的對話（檔案或其所在資料夾無法寫入）。它們保持原樣；此視窗中的對話只保留到視窗關閉為止。</translation>
    </message>
    <message>
        <source>The system prompt is too long for this model: {approx}{tokens:,} tokens, but at most {limit:,} are allowed. Shorten it.</source>
        <translation>系統提示詞對此模型來說太長：{approx}{tokens:,} 個詞元，但最多隻允許 {limit:,} 個。請縮短它。</translation>
    </message>
    <message>
        <source>This message is {approx}{tokens:,} tokens long, but the model reads at most {context:,} tokens at once (with room for the answer, {limit:,} for your message). Use it as context for a question: Inkwell then gives the model the passages that best match what you ask.</source>
        <translation>這條訊息有 {approx}{tokens:,} 個詞元，但模型一次最多隻能讀取 {context:,} 個詞元（留出回答的空間後，你的訊息最多 {limit:,} 個）。可將它作為提問的上下文：Inkwell 會把與你的問題最相關的段落交給模型。</translation>
    </message>
    <message>
        <source>Your conversations could not be opened ({error}). Chats in this window will not be saved.</source>
        <translation>無法開啟你的對話（{error}）。此視窗中的對話將不會被儲存。</translation>
    </message>
    <message>
        <source>Inkwell could not save the conversation ({error}). The chat goes on, but recent messages may be missing after a restart. Check free disk space and the permissions of the data folder.</source>
        <translation>Inkwell 無法儲存對話（{error}）。對話可以繼續，但重新啟動後最近的訊息可能會丟失。請檢查磁碟剩餘空間和資料資料夾的許可權。</translation>
    </message>
    <message>
        <source>The conversation could not be exported: {reason}</source>
        <translation>無法匯出對話：{reason}</translation>
    </message>
    <message>
        <source>Conversation saved as {name}.</source>
        <translation>對話已儲存為 {name}。</translation>
    </message>
    <message>
        <source>Select some text in the document first, then ask about it.</source>
        <translation>請先在文件中選中一些文字，然後再就其提問。</translation>
    </message>
    <message>
        <source>The message could not be prepared for the model ({error}). Try again.</source>
        <translation>無法為模型準備這條訊息（{error}）。請重試。</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>對話</translation>
    </message>
    <message>
        <source>Passage [{n}] is from text you attached, not from the document.</source>
        <translation>段落 [{n}] 來自你附加的文字，而不是文件。</translation>
    </message>
    <message>
        <source>Passage [{n}] is no longer in the document: it was changed, or another document is open.</source>
        <translation>段落 [{n}] 已不在文件中：它已被修改，或打開了另一篇文件。</translation>
    </message>
    <message>
        <source>{count} earlier messages no longer fit the model&apos;s context and were left out of this answer.</source>
        <translation>之前的 {count} 條訊息已超出模型的上下文，這次回答沒有考慮它們。</translation>
    </message>
    <message>
        <source>The text is longer than the model&apos;s context: it was given the {used} best-matching of {total} passages.</source>
        <translation>文字長度超過了模型的上下文：模型拿到的是 {total} 個段落中最相關的 {used} 個。</translation>
    </message>
    <message>
        <source>There was no room left for the document in the model&apos;s context; this answer ignores it.</source>
        <translation>模型的上下文已沒有空間容納文件；這次回答沒有參考文件。</translation>
    </message>
</context>
<context>
    <name>ChatInput</name>
    <message>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>Enter sends the message; Shift+Enter starts a new line; Up in an empty box brings back your last message.</source>
        <translation>Enter 傳送訊息；Shift+Enter 換行；輸入框為空時按 Up 鍵可找回你的上一條訊息。</translation>
    </message>
    <message>
        <source>Message the model — Enter sends, Shift+Enter adds a line</source>
        <translation>給模型發訊息 — Enter 傳送，Shift+Enter 換行</translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <source>Custom</source>
        <translation>自定義</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>對話</translation>
    </message>
    <message>
        <source>System prompt preset</source>
        <translation>系統提示詞預設</translation>
    </message>
    <message>
        <source>How the model should behave in this conversation</source>
        <translation>模型在此對話中應如何表現</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系統提示詞</translation>
    </message>
    <message>
        <source>Show the system prompt</source>
        <translation>顯示系統提示詞</translation>
    </message>
    <message>
        <source>Show and edit this conversation&apos;s system prompt</source>
        <translation>顯示並編輯此對話的系統提示詞</translation>
    </message>
    <message>
        <source>Ask about the document</source>
        <translation>就文件提問</translation>
    </message>
    <message>
        <source>Ground answers in the open document (or its selection); answers cite the passages they used</source>
        <translation>根據開啟的文件（或其選中內容）回答；回答會註明所用的段落</translation>
    </message>
    <message>
        <source>Instructions the model follows throughout this conversation</source>
        <translation>模型在整個對話中都會遵循的指示</translation>
    </message>
    <message>
        <source>Use as context</source>
        <translation>用作上下文</translation>
    </message>
    <message>
        <source>Use the long text as context for a question</source>
        <translation>將這段長文字用作提問的上下文</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>關閉</translation>
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
        <translation>取消編輯</translation>
    </message>
    <message>
        <source>Chat status</source>
        <translation>對話狀態</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Regenerate the last answer</source>
        <translation>重新生成上一條回答</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>傳送</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>傳送訊息</translation>
    </message>
    <message>
        <source>&amp;New Conversation</source>
        <translation>新增對話(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Regenerate Answer</source>
        <translation>重新生成回答(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy Last Answer</source>
        <translation>複製上一條回答(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Insert Last Answer into Document</source>
        <translation>將上一條回答插入文件(&amp;I)</translation>
    </message>
    <message>
        <source>Export as &amp;Markdown…</source>
        <translation>匯出為 Markdown(&amp;M)…</translation>
    </message>
    <message>
        <source>Export as &amp;JSON…</source>
        <translation>匯出為 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Ask About the &amp;Document</source>
        <translation>就文件提問(&amp;D)</translation>
    </message>
    <message>
        <source>Wait for the answer to finish (or stop it) before regenerating.</source>
        <translation>請等回答結束（或停止它）後再重新生成。</translation>
    </message>
    <message>
        <source>Wait for the answer to finish (or stop it) before editing a message.</source>
        <translation>請等回答結束（或停止它）後再編輯訊息。</translation>
    </message>
    <message>
        <source>Editing an earlier message: sending replaces it and everything after it. Esc cancels.</source>
        <translation>正在編輯之前的訊息：傳送後會替換它以及它之後的所有內容。按 Esc 取消。</translation>
    </message>
    <message>
        <source>Ask anything. Turn on “Ask about the document” to ask about the open document, or select text and press Ctrl+Shift+K.</source>
        <translation>有問題儘管問。開啟「就文件提問」可以詢問開啟的文件，或選中文字後按 Ctrl+Shift+K。</translation>
    </message>
    <message>
        <source>Preparing the prompt…</source>
        <translation>正在準備提示詞…</translation>
    </message>
    <message>
        <source>Waiting for the model…</source>
        <translation>正在等待模型…</translation>
    </message>
    <message>
        <source>Writing… (Esc stops)</source>
        <translation>正在撰寫…（按 Esc 停止）</translation>
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
        <translation>你的下一個問題針對：「{text}」（{count:,} 個字元）</translation>
    </message>
    <message>
        <source>Ask a question about the attached text</source>
        <translation>就附加的文字提問</translation>
    </message>
    <message>
        <source>{model} has no chat template, so Inkwell sends the conversation as a plain transcript (“User: … Assistant: …”). Answers may be weaker than with a chat (instruct) model.</source>
        <translation>{model} 沒有對話模板，因此 Inkwell 將對話作為純文字記錄傳送（「User: … Assistant: …」）。回答可能不如對話（指令）模型好。</translation>
    </message>
    <message>
        <source>Inkwell opens only web links (http and https); this one was not opened: {url}</source>
        <translation>Inkwell 只打開網頁連結（http 和 https）；此連結未開啟：{url}</translation>
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
        <translation>匯出對話</translation>
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
        <translation>編輯</translation>
    </message>
    <message>
        <source>Translator</source>
        <translation>譯者</translation>
    </message>
    <message>
        <source>Tutor</source>
        <translation>導師</translation>
    </message>
</context>
<context>
    <name>ChatSidebar</name>
    <message>
        <source>Search conversations</source>
        <translation>搜尋對話</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清除搜尋</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>開始新對話</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重新命名</translation>
    </message>
    <message>
        <source>Rename the selected conversation</source>
        <translation>重新命名所選對話</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Delete the selected conversation</source>
        <translation>刪除所選對話</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>對話</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>復原</translation>
    </message>
    <message>
        <source>Bring the deleted conversation back</source>
        <translation>恢復已刪除的對話</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新對話</translation>
    </message>
    <message>
        <source>Deleted “{title}”.</source>
        <translation>已刪除「{title}」。</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>匯出為 Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>匯出為 JSON…</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>{n} tokens</source>
        <translation>{n} 個詞元</translation>
    </message>
    <message>
        <source>{speed:.1f} tokens/s</source>
        <translation>{speed:.1f} 詞元/秒</translation>
    </message>
    <message>
        <source>prompt {n} ({cached} reused)</source>
        <translation>提示詞 {n}（複用 {cached}）</translation>
    </message>
    <message>
        <source>prompt {n}</source>
        <translation>提示詞 {n}</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>cut at the length limit</source>
        <translation>在長度上限處截斷</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>對話</translation>
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
        <translation>複製</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編輯</translation>
    </message>
    <message>
        <source>Insert into document</source>
        <translation>插入文件</translation>
    </message>
    <message>
        <source>About: “{text}”</source>
        <translation>關於：「{text}」</translation>
    </message>
    <message>
        <source>Sources (click to select the passage in the document):</source>
        <translation>來源（點選即可在文件中選中該段落）：</translation>
    </message>
</context>
<context>
    <name>ContinueWriting</name>
    <message>
        <source>Write a few words first: the model continues the text before the cursor.</source>
        <translation>請先寫幾個字：模型會接著游標前的文字往下寫。</translation>
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
        <translation>正在統計字數…</translation>
    </message>
    <message>
        <source>{n} chars ({m} without spaces)</source>
        <translation>{n} 個字元（不含空格 {m} 個）</translation>
    </message>
    <message>
        <source>{n} tokens</source>
        <translation>{n} 個詞元</translation>
    </message>
    <message>
        <source>Selected {sel} of {doc}</source>
        <translation>已選中 {sel}，共 {doc}</translation>
    </message>
</context>
<context>
    <name>CustomActions</name>
    <message>
        <source>Give the action a name.</source>
        <translation>請給這個操作起個名字。</translation>
    </message>
    <message>
        <source>Write the prompt the model should follow; put {text} where the selected text goes.</source>
        <translation>寫下模型應遵循的提示詞；用 {text} 表示選中文字所在的位置。</translation>
    </message>
    <message>
        <source>Custom Actions</source>
        <translation>自定義操作</translation>
    </message>
    <message>
        <source>Your actions</source>
        <translation>你的操作</translation>
    </message>
    <message>
        <source>Action name</source>
        <translation>操作名稱</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示詞</translation>
    </message>
    <message>
        <source>For example: Turn {text} into a numbered list of steps.</source>
        <translation>例如：把 {text} 改寫成帶編號的步驟列表。</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷鍵</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新增(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>刪除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save Action</source>
        <translation>儲存操作(&amp;S)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名稱：</translation>
    </message>
    <message>
        <source>Prompt ({text} is the selection):</source>
        <translation>提示詞（{text} 代表選中內容）：</translation>
    </message>
    <message>
        <source>Shortcut (optional):</source>
        <translation>快捷鍵（可選）：</translation>
    </message>
    <message>
        <source>{key} is already the shortcut of “{name}”. Choose another one, or change that one in Help → Customize Shortcuts.</source>
        <translation>{key} 已是「{name}」的快捷鍵。請換一個，或在 幫助 → 自定義快捷鍵 中修改那個快捷鍵。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已儲存。</translation>
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
        <translation>恢復 {when} 的版本之前</translation>
    </message>
    <message>
        <source>Restored {when}</source>
        <translation>已恢復 {when} 的版本</translation>
    </message>
    <message>
        <source>The version history could not be read or written ({error}).</source>
        <translation>無法讀取或寫入版本歷史（{error}）。</translation>
    </message>
</context>
<context>
    <name>DocumentTabs</name>
    <message>
        <source>Close {title}</source>
        <translation>關閉 {title}</translation>
    </message>
</context>
<context>
    <name>Downloads</name>
    <message>
        <source>This model is published only as pickled PyTorch files (.bin), which can run code when they are loaded. Inkwell downloads them only if you allow it for this model.</source>
        <translation>該模型只以 pickle 格式的 PyTorch 檔案（.bin）釋出，這類檔案在載入時可以執行程式碼。只有在你為該模型明確允許時，Inkwell 才會下載它們。</translation>
    </message>
    <message>
        <source>This repository has no Transformers model Inkwell can use (it needs config.json and safetensors weights). Choose another model.</source>
        <translation>這個倉庫裡沒有 Inkwell 能使用的 Transformers 模型（需要 config.json 和 safetensors 權重）。請選擇其他模型。</translation>
    </message>
    <message>
        <source>This repository has no tokenizer, so Inkwell cannot use it.</source>
        <translation>這個倉庫沒有分詞器，Inkwell 無法使用它。</translation>
    </message>
    <message>
        <source>{repo_id} is being downloaded. Cancel the download first.</source>
        <translation>正在下載 {repo_id}。請先取消下載。</translation>
    </message>
    <message>
        <source>“{repo_id}” is not a Hugging Face model id. Ids look like owner/name, for example Qwen/Qwen2.5-1.5B-Instruct.</source>
        <translation>「{repo_id}」不是 Hugging Face 模型 ID。ID 的格式是 所有者/名稱，例如 Qwen/Qwen2.5-1.5B-Instruct。</translation>
    </message>
    <message>
        <source>The Hub did not say which version of {repo_id} to download.</source>
        <translation>Hub 沒有說明要下載 {repo_id} 的哪個版本。</translation>
    </message>
    <message>
        <source>{repo_id} is already being downloaded, by this window or another Inkwell. Wait for it to finish or cancel it there.</source>
        <translation>{repo_id} 已經在下載中（由本視窗或另一個 Inkwell）。請等它完成，或在那裡取消。</translation>
    </message>
    <message>
        <source>{file} of {repo_id} arrived damaged twice (its checksum does not match the Hub&apos;s). Try again later, or from another network.</source>
        <translation>{repo_id} 的檔案 {file} 兩次下載都已損壞（校驗和與 Hub 上的不一致）。請稍後重試，或換一個網路。</translation>
    </message>
    <message>
        <source>Not enough disk space for {repo_id}: it needs {needed} more, and only {free} is free in {folder}. Free some space, then try again.</source>
        <translation>磁碟空間不足，無法下載 {repo_id}：還需要 {needed}，而 {folder} 中只有 {free} 可用。請騰出一些空間後重試。</translation>
    </message>
    <message>
        <source>{repo_id} is gated: its authors ask you to accept their licence first. Accept it on {page} while logged in to Hugging Face, then add your access token in the Model manager and try again.</source>
        <translation>{repo_id} 需要授權：作者要求你先接受他們的許可。請登入 Hugging Face 後在 {page} 上接受許可，然後在模型管理器中新增你的訪問令牌並重試。</translation>
    </message>
    <message>
        <source>Your Hugging Face token has no access to {repo_id} yet. Accept the licence on {page} with the account the token belongs to (approval can take a while), then try again.</source>
        <translation>你的 Hugging Face 令牌還沒有 {repo_id} 的訪問許可權。請用該令牌所屬的帳戶在 {page} 上接受許可（審批可能需要一些時間），然後重試。</translation>
    </message>
    <message>
        <source>That version of {repo_id} does not exist on the Hub.</source>
        <translation>Hub 上不存在 {repo_id} 的這個版本。</translation>
    </message>
    <message>
        <source>A file of {repo_id} is no longer on the Hub. Delete the download and start again.</source>
        <translation>{repo_id} 的某個檔案已不在 Hub 上。請刪除這次下載並重新開始。</translation>
    </message>
    <message>
        <source>There is no model {repo_id} on {host}, or it is private. Check the name; for a private model, add an access token that may read it.</source>
        <translation>{host} 上沒有模型 {repo_id}，或者它是私有的。請檢查名稱；對於私有模型，請新增有讀取許可權的訪問令牌。</translation>
    </message>
    <message>
        <source>Hugging Face did not accept your access token. Check it in the Model manager, or remove it to download public models.</source>
        <translation>Hugging Face 不接受你的訪問令牌。請在模型管理器中檢查它，或者刪除它以下載公開模型。</translation>
    </message>
    <message>
        <source>Hugging Face refused access to {repo_id} (HTTP 403). Check that your token may read this model.</source>
        <translation>Hugging Face 拒絕訪問 {repo_id}（HTTP 403）。請確認你的令牌有權讀取該模型。</translation>
    </message>
    <message>
        <source>There is no model {repo_id} on {host}. Check the name.</source>
        <translation>{host} 上沒有模型 {repo_id}。請檢查名稱。</translation>
    </message>
    <message>
        <source>The Hugging Face Hub answered with an error (HTTP {status}). Try again later; the download continues where it stopped.</source>
        <translation>Hugging Face Hub 返回了錯誤（HTTP {status}）。請稍後重試；下載會從中斷處繼續。</translation>
    </message>
    <message>
        <source>Downloads are switched off on this computer (HF_HUB_OFFLINE is set). Unset it to download.</source>
        <translation>這臺電腦上已關閉下載（設定了 HF_HUB_OFFLINE）。取消該設定後即可下載。</translation>
    </message>
    <message>
        <source>The download of {repo_id} stalled: no data arrived for {seconds} seconds, even after several retries. Check your connection and press Resume; it continues where it stopped.</source>
        <translation>{repo_id} 的下載停滯：重試多次後仍有 {seconds} 秒沒有收到資料。請檢查網路連線並按「繼續下載」；下載會從中斷處繼續。</translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation>連線被拒絕</translation>
    </message>
    <message>
        <source>the name could not be looked up</source>
        <translation>無法解析主機名</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>沒有網路連線</translation>
    </message>
    <message>
        <source>Could not connect to the Hugging Face Hub at {host} ({reason}). Check your internet connection or proxy, then press Resume; the download continues where it stopped.</source>
        <translation>無法連線到位於 {host} 的 Hugging Face Hub（{reason}）。請檢查網路連線或代理，然後按「繼續下載」；下載會從中斷處繼續。</translation>
    </message>
    <message>
        <source>The connection to the Hugging Face Hub kept breaking off. Press Resume to continue where it stopped.</source>
        <translation>與 Hugging Face Hub 的連線不斷中斷。按「繼續下載」可從中斷處接著下載。</translation>
    </message>
    <message>
        <source>The disk is full: there is no room left in {folder}. Free some space and press Resume; the download continues where it stopped.</source>
        <translation>磁碟已滿：{folder} 中沒有剩餘空間。請騰出一些空間後按「繼續下載」；下載會從中斷處繼續。</translation>
    </message>
    <message>
        <source>A file of {repo_id} arrived incomplete. Press Resume to fetch the rest.</source>
        <translation>{repo_id} 的一個檔案下載不完整。按「繼續下載」獲取剩餘部分。</translation>
    </message>
    <message>
        <source>Inkwell could not write the model to {folder} ({reason}). Check that folder.</source>
        <translation>Inkwell 無法把模型寫入 {folder}（{reason}）。請檢查該資料夾。</translation>
    </message>
    <message>
        <source>The download of {repo_id} failed unexpectedly ({error}). Press Resume to try again; the log has the details.</source>
        <translation>{repo_id} 的下載意外失敗（{error}）。按「繼續下載」重試；詳細資訊見日誌。</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>Document text</source>
        <translation>文件正文</translation>
    </message>
    <message>
        <source>The model continues your text from the cursor (AI menu, Continue Writing). Its text stays in italics until Tab keeps it or Escape discards it.</source>
        <translation>模型會從游標處接著寫你的文字（AI 選單 → 續寫）。它寫出的文字以斜體顯示，直到按 Tab 保留或按 Escape 放棄。</translation>
    </message>
    <message>
        <source>Start writing. Press Ctrl+Enter and the model continues from the cursor.</source>
        <translation>開始寫作吧。按 Ctrl+Enter，模型會從游標處接著寫。</translation>
    </message>
</context>
<context>
    <name>EncodingDialog</name>
    <message>
        <source>Unicode, every language</source>
        <translation>Unicode，適用於所有語言</translation>
    </message>
    <message>
        <source>Unicode, with a byte order mark (Windows Notepad)</source>
        <translation>Unicode，帶位元組順序標記（Windows 記事本）</translation>
    </message>
    <message>
        <source>Unicode, two bytes per character</source>
        <translation>Unicode，每個字元兩個位元組</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>簡體中文</translation>
    </message>
    <message>
        <source>Simplified Chinese, older programs</source>
        <translation>簡體中文，較舊的程式</translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation>繁體中文</translation>
    </message>
    <message>
        <source>Traditional Chinese, Hong Kong</source>
        <translation>繁體中文，香港</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日語</translation>
    </message>
    <message>
        <source>Japanese (Unix)</source>
        <translation>日語（Unix）</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韓語</translation>
    </message>
    <message>
        <source>Western European</source>
        <translation>西歐語言</translation>
    </message>
    <message>
        <source>Western European (Latin-1)</source>
        <translation>西歐語言（Latin-1）</translation>
    </message>
    <message>
        <source>Central European</source>
        <translation>中歐語言</translation>
    </message>
    <message>
        <source>Cyrillic</source>
        <translation>西里爾文</translation>
    </message>
    <message>
        <source>Cyrillic (KOI8-R)</source>
        <translation>西里爾文（KOI8-R）</translation>
    </message>
    <message>
        <source>Save with Encoding</source>
        <translation>以其他編碼儲存</translation>
    </message>
    <message>
        <source>Reopen with Encoding</source>
        <translation>以其他編碼重新開啟</translation>
    </message>
    <message>
        <source>Save {name} in this encoding:</source>
        <translation>以此編碼儲存 {name}：</translation>
    </message>
    <message>
        <source>Read {name} again as:</source>
        <translation>將 {name} 重新讀取為：</translation>
    </message>
    <message>
        <source>Encodings</source>
        <translation>編碼</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>Fast CPU path: {kinds} weights and a lean decode loop (several times faster; results are close to, not identical with, float32). Choose float32 under Precision for exact float32 results.</source>
        <translation>CPU 快速路徑：{kinds} 權重加精簡的解碼迴圈（快好幾倍；結果接近但不完全等同於 float32）。如需與 float32 完全一致的結果，請在「精度」中選擇 float32。</translation>
    </message>
    <message>
        <source>This PyTorch build ({version}) has no CUDA support; install a CUDA build to use an NVIDIA GPU.</source>
        <translation>此 PyTorch 版本（{version}）不支援 CUDA；要使用 NVIDIA GPU，請安裝支援 CUDA 的版本。</translation>
    </message>
    <message>
        <source>CPU-only PyTorch</source>
        <translation>僅支援 CPU 的 PyTorch</translation>
    </message>
    <message>
        <source>CUDA was requested but is unavailable: This PyTorch build ({version}) has no CUDA support; install a CUDA build to use an NVIDIA GPU.</source>
        <translation>已請求使用 CUDA，但它不可用：此 PyTorch 版本（{version}）不支援 CUDA；要使用 NVIDIA GPU，請安裝支援 CUDA 的版本。</translation>
    </message>
    <message>
        <source>PyTorch found no usable NVIDIA GPU (no GPU, or the driver is missing or too old).</source>
        <translation>PyTorch 沒有找到可用的 NVIDIA GPU（沒有 GPU，或驅動缺失或過舊）。</translation>
    </message>
    <message>
        <source>no NVIDIA GPU found</source>
        <translation>未找到 NVIDIA GPU</translation>
    </message>
    <message>
        <source>CUDA was requested but is unavailable: PyTorch found no usable NVIDIA GPU (no GPU, or the driver is missing or too old).</source>
        <translation>已請求使用 CUDA，但它不可用：PyTorch 沒有找到可用的 NVIDIA GPU（沒有 GPU，或驅動缺失或過舊）。</translation>
    </message>
    <message>
        <source>The CPU was chosen in Settings.</source>
        <translation>在設定中選擇了 CPU。</translation>
    </message>
    <message>
        <source>CPU chosen in Settings</source>
        <translation>設定中選擇了 CPU</translation>
    </message>
    <message>
        <source>CUDA device {index} does not exist ({count} found).</source>
        <translation>CUDA 裝置 {index} 不存在（共找到 {count} 個）。</translation>
    </message>
    <message>
        <source>no cuda:{index}</source>
        <translation>沒有 cuda:{index}</translation>
    </message>
    <message>
        <source>Apple Metal (MPS) was requested but is not available here.</source>
        <translation>已請求 Apple Metal（MPS），但此處不可用。</translation>
    </message>
    <message>
        <source>MPS unavailable</source>
        <translation>MPS 不可用</translation>
    </message>
    <message>
        <source>This GPU does not support bfloat16, so the model runs in float16.</source>
        <translation>這塊 GPU 不支援 bfloat16，因此模型以 float16 執行。</translation>
    </message>
    <message>
        <source>float16 is not practical on the CPU, so the model runs in float32.</source>
        <translation>float16 在 CPU 上不實用，因此模型以 float32 執行。</translation>
    </message>
    <message>
        <source>The model description (config.json) in {folder} cannot be read. Download or convert the model again.</source>
        <translation>無法讀取 {folder} 中的模型描述（config.json）。請重新下載或轉換該模型。</translation>
    </message>
    <message>
        <source>The model in {folder} needs to run its own Python code ({architecture} architecture), which Inkwell never allows. Choose a model that Transformers supports natively.</source>
        <translation>{folder} 中的模型需要執行它自帶的 Python 程式碼（{architecture} 架構），Inkwell 從不允許這樣做。請選擇 Transformers 原生支援的模型。</translation>
    </message>
    <message>
        <source>The model in {folder} has an architecture ({architecture}) that the installed Transformers {version} does not support. Choose another model.</source>
        <translation>{folder} 中的模型採用的架構（{architecture}）不受已安裝的 Transformers {version} 支援。請選擇其他模型。</translation>
    </message>
    <message>
        <source>The embedded model is not installed. Install it with: {command}</source>
        <translation>內建模型未安裝。請用以下命令安裝：{command}</translation>
    </message>
    <message>
        <source>There is no model file at {path}.</source>
        <translation>{path} 處沒有模型檔案。</translation>
    </message>
    <message>
        <source>{path} is not a model folder (it has no config.json). Choose a folder with a Transformers model, or a .gguf file.</source>
        <translation>{path} 不是模型資料夾（其中沒有 config.json）。請選擇包含 Transformers 模型的資料夾，或一個 .gguf 檔案。</translation>
    </message>
    <message>
        <source>There is no model at {path}. Choose a folder with a Transformers model, a .gguf file, or a Hugging Face model id such as Qwen/Qwen2.5-1.5B-Instruct.</source>
        <translation>{path} 處沒有模型。請選擇包含 Transformers 模型的資料夾、一個 .gguf 檔案，或 Hugging Face 模型 ID（例如 Qwen/Qwen2.5-1.5B-Instruct）。</translation>
    </message>
    <message>
        <source>Loading {name}…</source>
        <translation>正在載入 {name}…</translation>
    </message>
    <message>
        <source>The model did not fit in the GPU&apos;s memory, so it runs on the CPU (slower). Choose a smaller model, or close programs that use the GPU, to run it there. ({error})</source>
        <translation>模型裝不進 GPU 視訊記憶體，因此改在 CPU 上執行（較慢）。要在 GPU 上執行，請選擇更小的模型，或關閉佔用 GPU 的程式。（{error}）</translation>
    </message>
    <message>
        <source>GPU out of memory</source>
        <translation>GPU 視訊記憶體不足</translation>
    </message>
    <message>
        <source>Preparing {name} for fast CPU decoding…</source>
        <translation>正在為 CPU 快速解碼準備 {name}…</translation>
    </message>
    <message>
        <source>llama.cpp runs this GGUF model as stored ({kinds} weights): several times faster on the CPU, with results close to, not identical with, float32. Choose float32 under Precision for exact float32 results.</source>
        <translation>llama.cpp 按原樣執行這個 GGUF 模型（{kinds} 權重）：在 CPU 上快好幾倍，結果接近但不完全等同於 float32。如需與 float32 完全一致的結果，請在「精度」中選擇 float32。</translation>
    </message>
    <message>
        <source>No model is loaded yet.</source>
        <translation>尚未載入模型。</translation>
    </message>
    <message>
        <source>There is no text to work from: the input is empty.</source>
        <translation>沒有可處理的文字：輸入為空。</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>訊息為空。</translation>
    </message>
    <message>
        <source>The text is too long for this model: {tokens:,} tokens, but only {fit:,} fit with room for an answer ({context:,} in all). Shorten it, or use a model with a longer context.</source>
        <translation>文字對此模型來說太長：共 {tokens:,} 個詞元，但在留出回答空間後只能容納 {fit:,} 個（總共 {context:,} 個）。請縮短文字，或使用上下文更長的模型。</translation>
    </message>
    <message>
        <source>The {device} ran out of memory while writing ({tokens:,} tokens of text plus up to {new:,} new ones). Select less text, lower “Max new tokens” in Settings → Writing, or choose the CPU in Settings → Model.</source>
        <translation>{device} 在寫作時記憶體不足（{tokens:,} 個詞元的文字，外加最多 {new:,} 個新詞元）。請少選一些文字、在 設定 → 寫作 中調低「最大新詞元數」，或在 設定 → 模型 中選擇 CPU。</translation>
    </message>
    <message>
        <source>The API key contains characters that cannot be sent (letters outside ASCII, or a line break). Paste the key again.</source>
        <translation>API 金鑰中含有無法傳送的字元（ASCII 以外的字母或換行符）。請重新貼上金鑰。</translation>
    </message>
    <message>
        <source>The server at {url} answered /models with {what}, not the OpenAI-compatible API. Check the address: it usually ends in /v1.</source>
        <translation>{url} 上的伺服器對 /models 返回了 {what}，而不是 OpenAI 相容的 API。請檢查地址：它通常以 /v1 結尾。</translation>
    </message>
    <message>
        <source>Choose which of the server&apos;s models to use in Settings → Remote server: {models}.</source>
        <translation>請在 設定 → 遠端伺服器 中選擇要使用伺服器上的哪個模型：{models}。</translation>
    </message>
    <message>
        <source>The server lists no models. Enter a model name in Settings → Remote server.</source>
        <translation>伺服器沒有列出任何模型。請在 設定 → 遠端伺服器 中輸入模型名稱。</translation>
    </message>
    <message>
        <source>The server has no model named “{model}”. It offers: {models}. Choose one of them in Settings → Remote server.</source>
        <translation>伺服器上沒有名為「{model}」的模型。它提供：{models}。請在 設定 → 遠端伺服器 中從中選擇一個。</translation>
    </message>
    <message>
        <source>Connecting to {url}…</source>
        <translation>正在連線 {url}…</translation>
    </message>
    <message>
        <source>The text is too long for the remote model: about {tokens:,} tokens, but only about {fit:,} fit with room for an answer ({context:,} in all, as set in Settings → Remote server). Shorten it, or raise the context length if the server allows more.</source>
        <translation>文字對遠端模型來說太長：大約 {tokens:,} 個詞元，但在留出回答空間後只能容納大約 {fit:,} 個（總共 {context:,} 個，見 設定 → 遠端伺服器）。請縮短文字；如果伺服器允許，也可以調高上下文長度。</translation>
    </message>
    <message>
        <source>No remote model is chosen. Enter one in Settings.</source>
        <translation>尚未選擇遠端模型。請在設定中輸入一個。</translation>
    </message>
    <message>
        <source>The server at {url} sent no text within {timeout:g} s. It may still be loading the model, or be overloaded. Try again, or raise the timeout in Settings → Remote server.</source>
        <translation>{url} 上的伺服器在 {timeout:g} 秒內沒有傳送任何文字。它可能仍在載入模型，或者負載過高。請重試，或在 設定 → 遠端伺服器 中調高超時時間。</translation>
    </message>
    <message>
        <source>The server stopped sending in the middle of the answer (nothing for {timeout:g} s). Try again; if it keeps happening, check the server.</source>
        <translation>伺服器在回答中途停止了傳送（{timeout:g} 秒沒有任何資料）。請重試；如果反覆出現，請檢查伺服器。</translation>
    </message>
    <message>
        <source>The server reported an error while answering: “{error}”. Check the server&apos;s log, then try again.</source>
        <translation>伺服器在回答時報告了錯誤：「{error}」。請檢視伺服器日誌，然後重試。</translation>
    </message>
    <message>
        <source>The server&apos;s reply could not be read: it is not a valid OpenAI-compatible event stream. Check that the address points to an OpenAI-compatible API (it usually ends in /v1).</source>
        <translation>無法讀取伺服器的回覆：它不是有效的 OpenAI 相容事件流。請確認地址指向 OpenAI 相容的 API（通常以 /v1 結尾）。</translation>
    </message>
    <message>
        <source>The server&apos;s reply is damaged or cut off (it is not valid JSON). Try again; if it keeps happening, check the server.</source>
        <translation>伺服器的回覆已損壞或被截斷（不是有效的 JSON）。請重試；如果反覆出現，請檢查伺服器。</translation>
    </message>
    <message>
        <source>The server&apos;s answer was cut off: the stream ended before it was complete (the server may have stopped or restarted). Try again; if it keeps happening, check the server&apos;s log.</source>
        <translation>伺服器的回答被截斷：資料流在完成之前就結束了（伺服器可能已停止或重啟）。請重試；如果反覆出現，請檢視伺服器日誌。</translation>
    </message>
    <message>
        <source>Connected in {latency:.0f} ms. The server offers one model, {model}, which will be used.</source>
        <translation>已連線，用時 {latency:.0f} 毫秒。伺服器提供一個模型 {model}，將使用它。</translation>
    </message>
    <message>
        <source>Connected in {latency:.0f} ms. Choose one of the server&apos;s models: {models}.</source>
        <translation>已連線，用時 {latency:.0f} 毫秒。請從伺服器的模型中選擇一個：{models}。</translation>
    </message>
    <message>
        <source>Connected in {latency:.0f} ms. The server lists no models; enter a model name.</source>
        <translation>已連線，用時 {latency:.0f} 毫秒。伺服器沒有列出任何模型；請輸入模型名稱。</translation>
    </message>
    <message>
        <source>Connected in {latency:.0f} ms. The server lists no models; it will be asked for “{model}” as given.</source>
        <translation>已連線，用時 {latency:.0f} 毫秒。伺服器沒有列出任何模型；將按原樣請求「{model}」。</translation>
    </message>
    <message>
        <source>Connected in {latency:.0f} ms. The server offers {count} model(s), including “{model}”.</source>
        <translation>已連線，用時 {latency:.0f} 毫秒。伺服器提供 {count} 個模型，其中包括「{model}」。</translation>
    </message>
    <message>
        <source>Connected in {latency:.0f} ms. “{model}” is not listed (it offers {models}); a server that loads models from a path on demand, like transformers serve, may still accept it.</source>
        <translation>已連線，用時 {latency:.0f} 毫秒。「{model}」不在列表中（伺服器提供 {models}）；按需從路徑載入模型的伺服器（如 transformers serve）仍可能接受它。</translation>
    </message>
    <message>
        <source>Connected in {latency:.0f} ms. But the server has no model named “{model}”. It offers: {models}.</source>
        <translation>已連線，用時 {latency:.0f} 毫秒。但伺服器上沒有名為「{model}」的模型。它提供：{models}。</translation>
    </message>
    <message>
        <source>The server rejected the API key (401 Unauthorized). Check the key in Settings → Remote server.</source>
        <translation>伺服器拒絕了 API 金鑰（401 Unauthorized）。請在 設定 → 遠端伺服器 中檢查金鑰。</translation>
    </message>
    <message>
        <source>The server rejected the API key (401 Unauthorized). Check the key in Settings → Remote server. The server said: “{words}”</source>
        <translation>伺服器拒絕了 API 金鑰（401 Unauthorized）。請在 設定 → 遠端伺服器 中檢查金鑰。伺服器返回：「{words}」</translation>
    </message>
    <message>
        <source>The server needs an API key (401 Unauthorized). Enter it in Settings → Remote server.</source>
        <translation>伺服器需要 API 金鑰（401 Unauthorized）。請在 設定 → 遠端伺服器 中輸入。</translation>
    </message>
    <message>
        <source>The server refused access (403 Forbidden): the API key lacks permission for this model, or the server does not accept requests from this computer. Check the key and the server&apos;s access settings.</source>
        <translation>伺服器拒絕訪問（403 Forbidden）：API 金鑰沒有此模型的許可權，或伺服器不接受來自這臺電腦的請求。請檢查金鑰和伺服器的訪問設定。</translation>
    </message>
    <message>
        <source>The server refused access (403 Forbidden): the API key lacks permission for this model, or the server does not accept requests from this computer. Check the key and the server&apos;s access settings. The server said: “{words}”</source>
        <translation>伺服器拒絕訪問（403 Forbidden）：API 金鑰沒有此模型的許可權，或伺服器不接受來自這臺電腦的請求。請檢查金鑰和伺服器的訪問設定。伺服器返回：「{words}」</translation>
    </message>
    <message>
        <source>There is no OpenAI-compatible API at {url} (HTTP {code} for /models). The address usually ends in /v1, for example http://localhost:11434/v1.</source>
        <translation>{url} 上沒有 OpenAI 相容的 API（/models 返回 HTTP {code}）。地址通常以 /v1 結尾，例如 http://localhost:11434/v1。</translation>
    </message>
    <message>
        <source>The server has no model named “{model}” (HTTP {code}). Check the model name in Settings → Remote server.</source>
        <translation>伺服器上沒有名為「{model}」的模型（HTTP {code}）。請在 設定 → 遠端伺服器 中檢查模型名稱。</translation>
    </message>
    <message>
        <source>The server has no model named “{model}” (HTTP {code}). Check the model name in Settings → Remote server. The server said: “{words}”</source>
        <translation>伺服器上沒有名為「{model}」的模型（HTTP {code}）。請在 設定 → 遠端伺服器 中檢查模型名稱。伺服器返回：「{words}」</translation>
    </message>
    <message>
        <source>The text is too long for the server&apos;s model. Shorten it, or set the remote context length in Settings to what the server allows.</source>
        <translation>文字對伺服器的模型來說太長。請縮短文字，或在設定中把遠端上下文長度設為伺服器允許的值。</translation>
    </message>
    <message>
        <source>The text is too long for the server&apos;s model. Shorten it, or set the remote context length in Settings to what the server allows. The server said: “{words}”</source>
        <translation>文字對伺服器的模型來說太長。請縮短文字，或在設定中把遠端上下文長度設為伺服器允許的值。伺服器返回：「{words}」</translation>
    </message>
    <message>
        <source>The server is busy or a usage limit was reached (429). Wait a moment, then try again.</source>
        <translation>伺服器繁忙或已達到用量上限（429）。請稍等片刻再試。</translation>
    </message>
    <message>
        <source>The server is busy or a usage limit was reached (429). Wait a moment, then try again. The server said: “{words}”</source>
        <translation>伺服器繁忙或已達到用量上限（429）。請稍等片刻再試。伺服器返回：「{words}」</translation>
    </message>
    <message>
        <source>The server is unavailable or overloaded (HTTP {code}); it may still be starting or loading the model. Try again in a moment.</source>
        <translation>伺服器不可用或負載過高（HTTP {code}）；它可能仍在啟動或載入模型。請稍後再試。</translation>
    </message>
    <message>
        <source>The server is unavailable or overloaded (HTTP {code}); it may still be starting or loading the model. Try again in a moment. The server said: “{words}”</source>
        <translation>伺服器不可用或負載過高（HTTP {code}）；它可能仍在啟動或載入模型。請稍後再試。伺服器返回：「{words}」</translation>
    </message>
    <message>
        <source>The server had an internal error (HTTP {code}). Check the server&apos;s log, then try again.</source>
        <translation>伺服器發生內部錯誤（HTTP {code}）。請檢視伺服器日誌，然後重試。</translation>
    </message>
    <message>
        <source>The server had an internal error (HTTP {code}). Check the server&apos;s log, then try again. The server said: “{words}”</source>
        <translation>伺服器發生內部錯誤（HTTP {code}）。請檢視伺服器日誌，然後重試。伺服器返回：「{words}」</translation>
    </message>
    <message>
        <source>The server answered with a web page (HTTP {code}), not the OpenAI-compatible API. Check the address: it usually ends in /v1.</source>
        <translation>伺服器返回的是網頁（HTTP {code}），而不是 OpenAI 相容的 API。請檢查地址：它通常以 /v1 結尾。</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP {code}).</source>
        <translation>伺服器拒絕了請求（HTTP {code}）。</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP {code}). The server said: “{words}”</source>
        <translation>伺服器拒絕了請求（HTTP {code}）。伺服器返回：「{words}」</translation>
    </message>
    <message>
        <source>The server at {url} did not accept a connection within {timeout:g} s. Check the address, that the server is running, and any firewall in between.</source>
        <translation>{url} 上的伺服器在 {timeout:g} 秒內沒有接受連線。請檢查地址、伺服器是否在執行，以及中間的防火牆。</translation>
    </message>
    <message>
        <source>Nothing answers at {url}: the connection was refused. Start the server (Ollama, vLLM, LM Studio, llama.cpp server or transformers serve), or check the address and port in Settings.</source>
        <translation>{url} 沒有響應：連線被拒絕。請啟動伺服器（Ollama、vLLM、LM Studio、llama.cpp server 或 transformers serve），或在設定中檢查地址和埠。</translation>
    </message>
    <message>
        <source>A secure connection to {host} could not be set up (its certificate was not accepted). Check the address, or the server&apos;s certificate.</source>
        <translation>無法與 {host} 建立安全連線（其證書未被接受）。請檢查地址或伺服器的證書。</translation>
    </message>
    <message>
        <source>The server name “{host}” could not be found. Check the address in Settings and your network.</source>
        <translation>找不到伺服器名稱「{host}」。請檢查設定中的地址和你的網路。</translation>
    </message>
    <message>
        <source>Could not connect to {url}. Check the address, that the server is running, and your network.</source>
        <translation>無法連線到 {url}。請檢查地址、伺服器是否在執行，以及你的網路。</translation>
    </message>
    <message>
        <source>The server at {url} stopped answering. Try again.</source>
        <translation>{url} 上的伺服器停止了響應。請重試。</translation>
    </message>
    <message>
        <source>The program at {url} does not speak HTTP, or closed the connection without an answer. Check the address and port: they must point to an OpenAI-compatible server.</source>
        <translation>{url} 上的程式不使用 HTTP，或者沒有回答就關閉了連線。請檢查地址和埠：它們必須指向 OpenAI 相容的伺服器。</translation>
    </message>
    <message>
        <source>The connection to the server broke before the answer was complete (the server may have stopped or restarted). Try again; if it keeps happening, check the server&apos;s log.</source>
        <translation>回答還沒完成，與伺服器的連線就斷開了（伺服器可能已停止或重啟）。請重試；如果反覆出現，請檢視伺服器日誌。</translation>
    </message>
    <message>
        <source>“{url}” is not a usable server address.</source>
        <translation>「{url}」不是可用的伺服器地址。</translation>
    </message>
    <message>
        <source>Talking to the server at {url} failed. Try again.</source>
        <translation>與 {url} 上的伺服器通訊失敗。請重試。</translation>
    </message>
    <message>
        <source>The API key would be sent unencrypted over http:// to {host}: anyone on the network between here and there could read it (and your text). Use an https:// address, or a server on this computer.</source>
        <translation>API 金鑰將通過 http:// 以未加密方式傳送到 {host}：這裡與那裡之間網路上的任何人都能讀取它（以及你的文字）。請使用 https:// 地址，或使用本機上的伺服器。</translation>
    </message>
    <message>
        <source>No server address is set. Enter the server&apos;s base URL, for example {example}.</source>
        <translation>尚未設定伺服器地址。請輸入伺服器的基礎 URL，例如 {example}。</translation>
    </message>
    <message>
        <source>The address “{address}” is not usable: it must start with http:// or https://, for example {example}.</source>
        <translation>地址「{address}」不可用：它必須以 http:// 或 https:// 開頭，例如 {example}。</translation>
    </message>
    <message>
        <source>The port in “{address}” is not a number (for example {example}).</source>
        <translation>「{address}」中的埠不是數字（例如 {example}）。</translation>
    </message>
    <message>
        <source>Converting weights ({index}/{total})…</source>
        <translation>正在轉換權重（{index}/{total}）…</translation>
    </message>
    <message>
        <source>Reading the vocabulary…</source>
        <translation>正在讀取詞表…</translation>
    </message>
    <message>
        <source>Reading the model description…</source>
        <translation>正在讀取模型描述…</translation>
    </message>
    <message>
        <source>Saving the converted copy…</source>
        <translation>正在儲存轉換後的副本…</translation>
    </message>
    <message>
        <source>Waiting for another Inkwell window converting the model…</source>
        <translation>正在等待另一個 Inkwell 視窗完成模型轉換…</translation>
    </message>
    <message>
        <source>Converted.</source>
        <translation>已轉換。</translation>
    </message>
    <message>
        <source>The model does not fit in memory. Choose a smaller model, close other programs, or use the CPU.</source>
        <translation>模型裝不進記憶體。請選擇更小的模型、關閉其他程式，或使用 CPU。</translation>
    </message>
    <message>
        <source>This model needs to run its own Python code, which Inkwell never allows. Choose a model that Transformers supports natively.</source>
        <translation>這個模型需要執行它自帶的 Python 程式碼，Inkwell 從不允許這樣做。請選擇 Transformers 原生支援的模型。</translation>
    </message>
    <message>
        <source>This model&apos;s architecture is not supported by the installed Transformers. Choose another model, or update Inkwell.</source>
        <translation>已安裝的 Transformers 不支援這個模型的架構。請選擇其他模型，或更新 Inkwell。</translation>
    </message>
    <message>
        <source>The model&apos;s files are damaged or incomplete. Download or convert it again.</source>
        <translation>模型檔案已損壞或不完整。請重新下載或轉換。</translation>
    </message>
    <message>
        <source>The model could not be downloaded: the network or the Hugging Face Hub is unreachable. Check your connection, or choose a model folder on this computer.</source>
        <translation>無法下載模型：網路或 Hugging Face Hub 無法訪問。請檢查網路連線，或選擇本機上的模型資料夾。</translation>
    </message>
    <message>
        <source>No usable model was found there. Choose a folder with config.json and weights, or a .gguf file.</source>
        <translation>那裡沒有找到可用的模型。請選擇包含 config.json 和權重的資料夾，或一個 .gguf 檔案。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong in the model engine. Your text is safe; try again, and use Help → Copy diagnostics if it keeps happening.</source>
        <translation>模型引擎發生了意外錯誤。你的文字是安全的；請重試，如果反覆出現，請使用 幫助 → 複製診斷資訊。</translation>
    </message>
    <message>
        <source>Starting the model engine…</source>
        <translation>正在啟動模型引擎…</translation>
    </message>
    <message>
        <source>The model stopped unexpectedly: the model process stopped answering. Your text is safe. The next request starts the model again.</source>
        <translation>模型意外停止：模型程序不再響應。你的文字是安全的。下次請求時會重新啟動模型。</translation>
    </message>
    <message>
        <source>The model stopped unexpectedly: the model process was killed ({signal}); the system may have run out of memory. Your text is safe. The next request starts the model again.</source>
        <translation>模型意外停止：模型程序被終止（{signal}）；系統可能記憶體不足。你的文字是安全的。下次請求時會重新啟動模型。</translation>
    </message>
    <message>
        <source>The model stopped unexpectedly: the model process was stopped by {signal}. Your text is safe. The next request starts the model again.</source>
        <translation>模型意外停止：模型程序被 {signal} 停止。你的文字是安全的。下次請求時會重新啟動模型。</translation>
    </message>
    <message>
        <source>The model stopped unexpectedly: the model process exited with code {code}. Your text is safe. The next request starts the model again.</source>
        <translation>模型意外停止：模型程序以程式碼 {code} 退出。你的文字是安全的。下次請求時會重新啟動模型。</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>{name} is not a Word document Inkwell can read (.docx).</source>
        <translation>{name} 不是 Inkwell 能讀取的 Word 文件（.docx）。</translation>
    </message>
    <message>
        <source>Inkwell cannot export to .{kind}.</source>
        <translation>Inkwell 無法匯出為 .{kind}。</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (first unexpected byte at position {position}). It may use an older encoding such as Windows-1252; opening it that way can show some characters wrongly.</source>
        <translation>{name} 不是 UTF-8 文字（第一個異常位元組位於 {position}）。它可能使用了較舊的編碼，如 Windows-1252；以該編碼開啟時，有些字元可能顯示不正確。</translation>
    </message>
    <message>
        <source>{name} cannot be saved as {encoding}: the character “{character}” ({code}) on line {line} has no place in that encoding.</source>
        <translation>{name} 無法以 {encoding} 儲存：第 {line} 行的字元「{character}」（{code}）在該編碼中不存在。</translation>
    </message>
    <message>
        <source>{name} is not {encoding} text (the bytes at position {position} do not fit that encoding). Choose another encoding.</source>
        <translation>{name} 不是 {encoding} 文字（位於 {position} 的位元組不符合該編碼）。請選擇其他編碼。</translation>
    </message>
    <message>
        <source>{name} does not exist (it may have been moved or deleted).</source>
        <translation>{name} 不存在（可能已被移動或刪除）。</translation>
    </message>
    <message>
        <source>{name} could not be read: {reason}.</source>
        <translation>無法讀取 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{name} cannot be saved there: {reason}. Choose another folder.</source>
        <translation>{name} 無法儲存到那裡：{reason}。請選擇其他資料夾。</translation>
    </message>
    <message>
        <source>{name} could not be saved: {reason}.</source>
        <translation>無法儲存 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{name} is {size} MB; Inkwell opens text files up to {limit} MB so that the editor stays responsive. Split the file, or open it in a tool made for very large files.</source>
        <translation>{name} 有 {size} MB；為了讓編輯器保持流暢，Inkwell 只打開不超過 {limit} MB 的文字檔案。請拆分該檔案，或用專門處理超大檔案的工具開啟。</translation>
    </message>
    <message>
        <source>{name} is a folder, not a text file.</source>
        <translation>{name} 是資料夾，不是文字檔案。</translation>
    </message>
    <message>
        <source>You do not have permission to read {name}.</source>
        <translation>你沒有讀取 {name} 的許可權。</translation>
    </message>
    <message>
        <source>{name} looks like a binary file, not text. Inkwell opens .txt and .md files.</source>
        <translation>{name} 看起來是二進位制檔案，而不是文字。Inkwell 開啟 .txt 和 .md 檔案。</translation>
    </message>
    <message>
        <source>{name} could not be written completely: {reason}. Your text is still open.</source>
        <translation>{name} 未能完整寫入：{reason}。你的文字仍然開啟著。</translation>
    </message>
    <message>
        <source>{name} could not be saved: {reason}. Your text is still open.</source>
        <translation>無法儲存 {name}：{reason}。你的文字仍然開啟著。</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>查詢</translation>
    </message>
    <message>
        <source>Find text</source>
        <translation>查詢文字</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替換為</translation>
    </message>
    <message>
        <source>Replacement text</source>
        <translation>替換文字</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>正則</translation>
    </message>
    <message>
        <source>Whole word</source>
        <translation>全詞匹配</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>區分大小寫</translation>
    </message>
    <message>
        <source>Search result</source>
        <translation>搜尋結果</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一個</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一個</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替換</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>全部替換</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>關閉查詢欄</translation>
    </message>
    <message>
        <source>{n} matches</source>
        <translation>{n} 處匹配</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>沒有匹配</translation>
    </message>
    <message>
        <source>Replaced {n}</source>
        <translation>已替換 {n} 處</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Inkwell is using its small built-in model ({embedded}). It works offline and is good for continuing and summarizing short English text, but not for translation or Chinese. For those, download {name} ({size}, runs on this computer).</source>
        <translation>Inkwell 正在使用小型內建模型（{embedded}）。它無需聯網，適合續寫和摘要較短的英文文字，但不適合翻譯或中文。如需這些功能，請下載 {name}（{size}，在這臺電腦上執行）。</translation>
    </message>
    <message>
        <source>About the built-in model</source>
        <translation>關於內建模型</translation>
    </message>
    <message>
        <source>Download {name} ({size})</source>
        <translation>下載 {name}（{size}）</translation>
    </message>
    <message>
        <source>Download the recommended model</source>
        <translation>下載推薦的模型</translation>
    </message>
    <message>
        <source>Keep the built-in model</source>
        <translation>繼續使用內建模型</translation>
    </message>
    <message>
        <source>Dismiss and keep the built-in model</source>
        <translation>關閉提示並繼續使用內建模型</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Versions of the document, newest first</source>
        <translation>文件的各個版本，最新的在前</translation>
    </message>
    <message>
        <source>Differences between the chosen version and the current text</source>
        <translation>所選版本與當前文字之間的差異</translation>
    </message>
    <message>
        <source>Choose a version to see what changed since.</source>
        <translation>選擇一個版本，檢視此後的改動。</translation>
    </message>
    <message>
        <source>&amp;Restore This Version</source>
        <translation>恢復此版本(&amp;R)</translation>
    </message>
    <message>
        <source>{n} characters</source>
        <translation>{n} 個字元</translation>
    </message>
    <message>
        <source>No versions yet: saving, an accepted AI edit or a reload keeps one.</source>
        <translation>還沒有版本：儲存、接受 AI 修改或重新載入時都會保留一個版本。</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>正在比較…</translation>
    </message>
    <message>
        <source>Struck through: text this version had that is gone now; green: added since.</source>
        <translation>刪除線：該版本中有、現在已刪去的文字；綠色：之後新增的文字。</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>French</source>
        <translation>法語</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>西班牙語</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>葡萄牙語</translation>
    </message>
    <message>
        <source>German</source>
        <translation>德語</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>義大利語</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>俄語</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日語</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韓語</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>越南語</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>泰語</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>阿拉伯語</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>印地語</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>簡體中文</translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation>繁體中文</translation>
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
        <translation>純文字 (*.txt)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>網頁 (*.html)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word 文件 (*.docx)</translation>
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
        <translation>翻譯</translation>
    </message>
    <message>
        <source>the chat</source>
        <translation>對話</translation>
    </message>
    <message>
        <source>another task</source>
        <translation>另一項任務</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>翻譯</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>對話</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>大綱</translation>
    </message>
    <message>
        <source>History</source>
        <translation>歷史版本</translation>
    </message>
    <message>
        <source>Word, character and token counts</source>
        <translation>字數、字元數和詞元數</translation>
    </message>
    <message>
        <source>File encoding</source>
        <translation>檔案編碼</translation>
    </message>
    <message>
        <source>The encoding the file is read and saved in. File ▸ Reopen with Encoding… reads it again in another; File ▸ Save with Encoding… saves it in another.</source>
        <translation>讀取和儲存檔案所用的編碼。檔案 ▸ 以其他編碼重新開啟… 會用另一種編碼重新讀取；檔案 ▸ 以其他編碼儲存… 會用另一種編碼儲存。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近開啟(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主題(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the System</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
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
        <translation>翻譯目標語言(&amp;L)</translation>
    </message>
    <message>
        <source>Cha&amp;t</source>
        <translation>對話(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>幫助(&amp;H)</translation>
    </message>
    <message>
        <source>Before reloading from disk</source>
        <translation>從磁碟重新載入之前</translation>
    </message>
    <message>
        <source>Reloaded from disk</source>
        <translation>已從磁碟重新載入</translation>
    </message>
    <message>
        <source>Continue writing</source>
        <translation>續寫</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Markdown and text (*.md *.markdown *.txt);;All files (*)</source>
        <translation>Markdown 和文字 (*.md *.markdown *.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Import Word Document</source>
        <translation>匯入 Word 文件</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文件 (*.docx)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>{name} could not be exported ({error}). Your text is safe.</source>
        <translation>無法匯出 {name}（{error}）。你的文字是安全的。</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已匯出到 {path}。</translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation>清除最近開啟的檔案</translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation>轉到行</translation>
    </message>
    <message>
        <source>Line (1–{n}):</source>
        <translation>行號（1–{n}）：</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已儲存</translation>
    </message>
    <message>
        <source>Before a pane&apos;s insert or replace</source>
        <translation>面板插入或替換之前</translation>
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
        <translation>續寫需等待：模型正忙於{task}…</translation>
    </message>
    <message>
        <source>Continue writing: waiting for the model…</source>
        <translation>續寫：正在等待模型…</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>The selection is too long for the model to rewrite at once.</source>
        <translation>選中的內容太長，模型無法一次改寫。</translation>
    </message>
    <message>
        <source>It has about {tokens:,} tokens; the model can take about {budget:,} at a time. Inkwell can work on it paragraph by paragraph, or summarize it instead.</source>
        <translation>它大約有 {tokens:,} 個詞元；模型一次大約只能處理 {budget:,} 個。Inkwell 可以逐段處理，或者改為生成摘要。</translation>
    </message>
    <message>
        <source>Work in &amp;Parts</source>
        <translation>分段處理(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Summarize Instead</source>
        <translation>改為生成摘要(&amp;S)</translation>
    </message>
    <message>
        <source>Your action: {name}</source>
        <translation>你的操作：{name}</translation>
    </message>
    <message>
        <source>Translations will use {name}; it is loaded when a translation starts.</source>
        <translation>翻譯將使用 {name}；開始翻譯時才會載入它。</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard.</source>
        <translation>診斷資訊已複製到剪貼簿。</translation>
    </message>
    <message>
        <source>Restored {n} document(s). Save them to keep them.</source>
        <translation>已恢復 {n} 篇文件。請儲存它們以免丟失。</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編輯</translation>
    </message>
    <message>
        <source>View</source>
        <translation>檢視</translation>
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
        <translation>幫助</translation>
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
        <translation>記憶體不足。</translation>
    </message>
    <message>
        <source>Model not found.</source>
        <translation>找不到模型。</translation>
    </message>
    <message>
        <source>Unsupported model.</source>
        <translation>不支援的模型。</translation>
    </message>
    <message>
        <source>Damaged model files.</source>
        <translation>模型檔案已損壞。</translation>
    </message>
    <message>
        <source>Model not allowed.</source>
        <translation>不允許使用該模型。</translation>
    </message>
    <message>
        <source>Text too long.</source>
        <translation>文字太長。</translation>
    </message>
    <message>
        <source>Network problem.</source>
        <translation>網路問題。</translation>
    </message>
</context>
<context>
    <name>ModelLibrary</name>
    <message>
        <source>The built-in model is not installed ({hint}).</source>
        <translation>內建模型未安裝（{hint}）。</translation>
    </message>
    <message>
        <source>Some of its files are missing or damaged. Delete it and download it again.</source>
        <translation>它的部分檔案缺失或已損壞。請刪除後重新下載。</translation>
    </message>
    <message>
        <source>Not completely downloaded.</source>
        <translation>未完全下載。</translation>
    </message>
    <message>
        <source>The file is no longer there.</source>
        <translation>該檔案已不存在。</translation>
    </message>
    <message>
        <source>The folder is no longer there.</source>
        <translation>該資料夾已不存在。</translation>
    </message>
    <message>
        <source>The folder has no config.json any more.</source>
        <translation>該資料夾中已沒有 config.json。</translation>
    </message>
    <message>
        <source>{path} is not a folder.</source>
        <translation>{path} 不是資料夾。</translation>
    </message>
    <message>
        <source>{path} has no config.json, so it is not a Transformers model folder. Choose the folder that holds config.json and the weights, or a .gguf file.</source>
        <translation>{path} 中沒有 config.json，因此不是 Transformers 模型資料夾。請選擇包含 config.json 和權重的資料夾，或一個 .gguf 檔案。</translation>
    </message>
    <message>
        <source>{path} has a config.json but no weights (.safetensors).</source>
        <translation>{path} 中有 config.json，但沒有權重（.safetensors）。</translation>
    </message>
    <message>
        <source>{path} is not a .gguf file.</source>
        <translation>{path} 不是 .gguf 檔案。</translation>
    </message>
    <message>
        <source>{path} cannot be read ({reason}).</source>
        <translation>無法讀取 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>{path} is not a GGUF model file (its header is wrong).</source>
        <translation>{path} 不是 GGUF 模型檔案（檔案頭不正確）。</translation>
    </message>
    <message>
        <source>The built-in model cannot be removed; it is part of Inkwell.</source>
        <translation>內建模型無法刪除；它是 Inkwell 的一部分。</translation>
    </message>
    <message>
        <source>{path} could not be deleted ({reason}).</source>
        <translation>無法刪除 {path}（{reason}）。</translation>
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
        <translation>記憶體（CPU · GPU）</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>授權條款</translation>
    </message>
    <message>
        <source>Good for</source>
        <translation>適合</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>對話</translation>
    </message>
    <message>
        <source>translate</source>
        <translation>翻譯</translation>
    </message>
    <message>
        <source>summarize</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>continue writing</source>
        <translation>續寫</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Asking Hugging Face which files are needed…</source>
        <translation>正在向 Hugging Face 查詢需要哪些檔案…</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <source>Paused at {done}. Download again to continue where it stopped.</source>
        <translation>已在 {done} 處暫停。再次下載即可從中斷處繼續。</translation>
    </message>
    <message>
        <source>{done} — no data for {seconds} s, trying again…</source>
        <translation>{done} — {seconds} 秒沒有資料，正在重試…</translation>
    </message>
    <message>
        <source>{done} — checking {file}…</source>
        <translation>{done} — 正在校驗 {file}…</translation>
    </message>
    <message>
        <source>{done} — {speed}/s — about {eta} left</source>
        <translation>{done} — {speed}/秒 — 約剩 {eta}</translation>
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
        <translation>{h} 小時 {m:02d} 分</translation>
    </message>
    <message>
        <source>Paused at {percent}%</source>
        <translation>已在 {percent}% 處暫停</translation>
    </message>
    <message>
        <source>Pickled weights not allowed</source>
        <translation>不允許 pickle 格式的權重</translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation>下載失敗</translation>
    </message>
    <message>
        <source>Downloading {percent}%</source>
        <translation>正在下載 {percent}%</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>for translation</source>
        <translation>用於翻譯</translation>
    </message>
    <message>
        <source>Ready, offline</source>
        <translation>就緒，可離線使用</translation>
    </message>
    <message>
        <source>Not installed</source>
        <translation>未安裝</translation>
    </message>
    <message>
        <source>Gated: needs a token</source>
        <translation>需授權：需要令牌</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>未下載</translation>
    </message>
    <message>
        <source>Partly downloaded ({percent}%)</source>
        <translation>部分下載（{percent}%）</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要處理</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>已下載</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>GGUF file</source>
        <translation>GGUF 檔案</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Models run on this computer. The built-in model always works, even offline; download a larger one for better writing, summaries and translation. Downloads continue where they stopped.</source>
        <translation>模型在這臺電腦上執行。內建模型始終可用，即使離線也能用；下載更大的模型可以獲得更好的寫作、摘要和翻譯效果。下載中斷後會從中斷處繼續。</translation>
    </message>
    <message>
        <source>Add &amp;folder…</source>
        <translation>新增資料夾(&amp;F)…</translation>
    </message>
    <message>
        <source>Add a model folder</source>
        <translation>新增模型資料夾</translation>
    </message>
    <message>
        <source>Add a folder that holds a Transformers model (config.json and weights)</source>
        <translation>新增包含 Transformers 模型（config.json 和權重）的資料夾</translation>
    </message>
    <message>
        <source>Add &amp;GGUF file…</source>
        <translation>新增 GGUF 檔案(&amp;G)…</translation>
    </message>
    <message>
        <source>Add a GGUF model file</source>
        <translation>新增 GGUF 模型檔案</translation>
    </message>
    <message>
        <source>Other Hugging Face model: owner/name</source>
        <translation>其他 Hugging Face 模型：所有者/名稱</translation>
    </message>
    <message>
        <source>Hugging Face model id to download</source>
        <translation>要下載的 Hugging Face 模型 ID</translation>
    </message>
    <message>
        <source>Download by id</source>
        <translation>按 ID 下載</translation>
    </message>
    <message>
        <source>Download the model with this id</source>
        <translation>下載此 ID 對應的模型</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Close the model manager</source>
        <translation>關閉模型管理器</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>下載進度</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>下載(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Cancel download</source>
        <translation>取消下載(&amp;C)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>刪除(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>開啟資料夾(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Use this model</source>
        <translation>使用此模型(&amp;U)</translation>
    </message>
    <message>
        <source>Use for &amp;translate</source>
        <translation>用於翻譯(&amp;T)</translation>
    </message>
    <message>
        <source>Download the selected model</source>
        <translation>下載所選模型</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>取消下載</translation>
    </message>
    <message>
        <source>Delete the selected model</source>
        <translation>刪除所選模型</translation>
    </message>
    <message>
        <source>Open the model&apos;s folder</source>
        <translation>開啟模型所在的資料夾</translation>
    </message>
    <message>
        <source>Use the selected model for everything</source>
        <translation>所有任務都使用所選模型</translation>
    </message>
    <message>
        <source>Use the selected model for translation</source>
        <translation>翻譯時使用所選模型</translation>
    </message>
    <message>
        <source>Hugging Face token (for gated models such as Llama and Gemma)</source>
        <translation>Hugging Face 令牌（用於 Llama、Gemma 等需授權的模型）</translation>
    </message>
    <message>
        <source>hf_…</source>
        <translation>hf_…</translation>
    </message>
    <message>
        <source>Hugging Face access token</source>
        <translation>Hugging Face 訪問令牌</translation>
    </message>
    <message>
        <source>&amp;Save token</source>
        <translation>儲存令牌(&amp;S)</translation>
    </message>
    <message>
        <source>Save the Hugging Face token</source>
        <translation>儲存 Hugging Face 令牌</translation>
    </message>
    <message>
        <source>Forget token</source>
        <translation>忘記令牌</translation>
    </message>
    <message>
        <source>Forget the Hugging Face token</source>
        <translation>忘記 Hugging Face 令牌</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>內建</translation>
    </message>
    <message>
        <source>Recommended downloads</source>
        <translation>推薦下載</translation>
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
        <translation>（需授權）</translation>
    </message>
    <message>
        <source>Memory on the CPU (float32) · on a GPU (bfloat16)</source>
        <translation>在 CPU 上（float32）· 在 GPU 上（bfloat16）所需的記憶體</translation>
    </message>
    <message>
        <source>Download progress of {name}</source>
        <translation>{name} 的下載進度</translation>
    </message>
    <message>
        <source>&amp;Download (pickled weights)…</source>
        <translation>下載（pickle 格式權重）(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Resume download</source>
        <translation>繼續下載(&amp;R)</translation>
    </message>
    <message>
        <source>Choose another model first: this one is in use.</source>
        <translation>請先選擇另一個模型：這個模型正在使用中。</translation>
    </message>
    <message>
        <source>Remove from &amp;list</source>
        <translation>從列表中移除(&amp;L)</translation>
    </message>
    <message>
        <source>This model cannot translate; choose a multilingual one such as Qwen2.5.</source>
        <translation>這個模型無法翻譯；請選擇多語言模型，例如 Qwen2.5。</translation>
    </message>
    <message>
        <source>{params} parameters</source>
        <translation>{params} 引數</translation>
    </message>
    <message>
        <source>context {tokens} tokens</source>
        <translation>上下文 {tokens} 個詞元</translation>
    </message>
    <message>
        <source>download ≈ {size}</source>
        <translation>下載約 {size}</translation>
    </message>
    <message>
        <source>needs ≈ {ram} of memory on the CPU, {vram} on a GPU</source>
        <translation>需要約 {ram} 的 CPU 記憶體，或 {vram} 的 GPU 視訊記憶體</translation>
    </message>
    <message>
        <source>This computer has {ram} of memory: without a GPU this model will be slow or may not fit.</source>
        <translation>這臺電腦有 {ram} 記憶體：沒有 GPU 時，這個模型會很慢，甚至可能裝不下。</translation>
    </message>
    <message>
        <source>A token is set for this session.</source>
        <translation>已為本次會話設定令牌。</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>刪除模型</translation>
    </message>
    <message>
        <source>Delete {name} ({size}) from this computer? You can download it again later.</source>
        <translation>要從這臺電腦上刪除 {name}（{size}）嗎？以後可以重新下載。</translation>
    </message>
    <message>
        <source>Allow pickled weights?</source>
        <translation>允許 pickle 格式的權重嗎？</translation>
    </message>
    <message>
        <source>{name} is published only as pickled PyTorch files (.bin).</source>
        <translation>{name} 只以 pickle 格式的 PyTorch 檔案（.bin）釋出。</translation>
    </message>
    <message>
        <source>Pickled weights can run code on your computer when the model is loaded. Only allow this for a model you trust, from a publisher you know. This applies to this model only.</source>
        <translation>pickle 格式的權重在載入模型時可以在你的電腦上執行程式碼。只有對你信任、釋出者可靠的模型才應允許。此設定只對這個模型有效。</translation>
    </message>
    <message>
        <source>Allow for this model</source>
        <translation>對此模型允許</translation>
    </message>
    <message>
        <source>Allow pickled weights for this model and download it</source>
        <translation>允許此模型使用 pickle 格式的權重並下載</translation>
    </message>
    <message>
        <source>Don&apos;t download</source>
        <translation>不下載</translation>
    </message>
    <message>
        <source>Do not download this model</source>
        <translation>不下載這個模型</translation>
    </message>
    <message>
        <source>Choose a model folder</source>
        <translation>選擇模型資料夾</translation>
    </message>
    <message>
        <source>Choose a GGUF file</source>
        <translation>選擇 GGUF 檔案</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <source>Inkwell could not read its list of models.</source>
        <translation>Inkwell 無法讀取它的模型列表。</translation>
    </message>
    <message>
        <source>“{id}” is not a Hugging Face model id. Ids look like owner/name.</source>
        <translation>「{id}」不是 Hugging Face 模型 ID。ID 的格式是 所有者/名稱。</translation>
    </message>
    <message>
        <source>The model could not be removed.</source>
        <translation>無法移除該模型。</translation>
    </message>
    <message>
        <source>Checking the system keyring…</source>
        <translation>正在檢查系統金鑰環…</translation>
    </message>
    <message>
        <source>A token is stored in the system keyring.</source>
        <translation>系統金鑰環中已儲存令牌。</translation>
    </message>
    <message>
        <source>No token stored. Gated models (Llama, Gemma) need one: create it at huggingface.co/settings/tokens.</source>
        <translation>尚未儲存令牌。需授權的模型（Llama、Gemma）需要令牌：請在 huggingface.co/settings/tokens 建立。</translation>
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
        <translation>關閉</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>關閉提示</translation>
    </message>
</context>
<context>
    <name>Outline</name>
    <message>
        <source>Outline of the document&apos;s headings</source>
        <translation>文件標題大綱</translation>
    </message>
    <message>
        <source>This document is too long for an outline.</source>
        <translation>這篇文件太長，無法生成大綱。</translation>
    </message>
    <message>
        <source>No headings yet: lines starting with # appear here.</source>
        <translation>還沒有標題：以 # 開頭的行會顯示在這裡。</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <source>Source: the selection ({count} characters)</source>
        <translation>來源：選中內容（{count} 個字元）</translation>
    </message>
    <message>
        <source>Source: the whole document ({count} characters)</source>
        <translation>來源：整篇文件（{count} 個字元）</translation>
    </message>
    <message>
        <source>Note about the model</source>
        <translation>關於模型的說明</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Markdown preview</source>
        <translation>Markdown 預覽</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Restore Unsaved Work</source>
        <translation>恢復未儲存的內容</translation>
    </message>
    <message>
        <source>Inkwell did not close normally last time. These documents had changes that were not saved. Tick the ones to restore; they open as unsaved documents.</source>
        <translation>Inkwell 上次沒有正常關閉。這些文件有未儲存的更改。勾選要恢復的文件；它們會作為未儲存的文件開啟。</translation>
    </message>
    <message>
        <source>Documents that can be restored</source>
        <translation>可以恢復的文件</translation>
    </message>
    <message>
        <source>{title} — {words} words, saved {when}</source>
        <translation>{title} — {words} 字，保存於 {when}</translation>
    </message>
    <message>
        <source>Untitled document</source>
        <translation>未命名文件</translation>
    </message>
    <message>
        <source>What would be restored</source>
        <translation>將要恢復的內容</translation>
    </message>
    <message>
        <source>&amp;Restore Selected</source>
        <translation>恢復所選(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard All</source>
        <translation>全部丟棄(&amp;D)</translation>
    </message>
    <message>
        <source>Decide &amp;Later</source>
        <translation>以後再說(&amp;L)</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Review of the model&apos;s change</source>
        <translation>審閱模型的改動</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>審閱狀態</translation>
    </message>
    <message>
        <source>Proposed change</source>
        <translation>建議的改動</translation>
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
        <translation>複製</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒絕</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
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
        <translation>◀ 上一處改動</translation>
    </message>
    <message>
        <source>Next Change ▶</source>
        <translation>下一處改動 ▶</translation>
    </message>
    <message>
        <source>Take Change</source>
        <translation>採納此處改動</translation>
    </message>
    <message>
        <source>Leave Change</source>
        <translation>保留此處原文</translation>
    </message>
    <message>
        <source>Changes, each taken or left</source>
        <translation>各處改動（採納或保留原文）</translation>
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
        <translation>正在撰寫…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Stopped — you can accept what was written.</source>
        <translation>已停止 — 你可以接受已寫出的內容。</translation>
    </message>
    <message>
        <source>Failed — see the message above.</source>
        <translation>失敗 — 請檢視上方的訊息。</translation>
    </message>
    <message>
        <source>{rate:.1f} tokens/s, {mode}</source>
        <translation>{rate:.1f} 詞元/秒，{mode}</translation>
    </message>
    <message>
        <source>{pct:.0f}% changed</source>
        <translation>改動了 {pct:.0f}%</translation>
    </message>
    <message>
        <source>change {n} of {count}: {taken} taken, {left} left</source>
        <translation>第 {n} 處改動，共 {count} 處：已採納 {taken} 處，保留原文 {left} 處</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <source>No system keyring is available on this computer, so Inkwell cannot store secrets such as your Hugging Face token. A token you enter is used until Inkwell closes; to keep one, set the HF_TOKEN environment variable.</source>
        <translation>這臺電腦上沒有可用的系統金鑰環，因此 Inkwell 無法儲存 Hugging Face 令牌等機密資訊。你輸入的令牌會一直使用到 Inkwell 關閉；如需長期儲存，請設定 HF_TOKEN 環境變數。</translation>
    </message>
    <message>
        <source>The system keyring did not answer ({reason}). Unlock it and try again; until then the token is used only until Inkwell closes.</source>
        <translation>系統金鑰環沒有響應（{reason}）。請解鎖後重試；在此之前，令牌只使用到 Inkwell 關閉為止。</translation>
    </message>
</context>
<context>
    <name>SelectionActions</name>
    <message>
        <source>Rewrite</source>
        <translation>改寫</translation>
    </message>
    <message>
        <source>Proofread</source>
        <translation>校對</translation>
    </message>
    <message>
        <source>Shorten</source>
        <translation>精簡</translation>
    </message>
    <message>
        <source>Expand</source>
        <translation>擴寫</translation>
    </message>
    <message>
        <source>Formal tone</source>
        <translation>正式語氣</translation>
    </message>
    <message>
        <source>Friendly tone</source>
        <translation>友好語氣</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>翻譯</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>解釋</translation>
    </message>
    <message>
        <source>The document is empty: write or paste some text first.</source>
        <translation>文件是空的：請先寫入或貼上一些文字。</translation>
    </message>
    <message>
        <source>Select some text, or put the cursor in a paragraph, for the model to work on.</source>
        <translation>請選中一些文字，或把游標放在某個段落中，讓模型來處理。</translation>
    </message>
    <message>
        <source>The text was edited meanwhile; select it again and run the action anew.</source>
        <translation>文字在此期間已被編輯；請重新選中它，再次執行該操作。</translation>
    </message>
    <message>
        <source>The original text was edited while the model worked, so it was not replaced. Retry to work on the new text.</source>
        <translation>模型工作期間原文已被編輯，因此沒有替換。請點「重試」處理新的文字。</translation>
    </message>
    <message>
        <source>The model returned no text, so nothing was replaced.</source>
        <translation>模型沒有返回任何文字，因此沒有替換任何內容。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Automatic (GPU when there is one)</source>
        <translation>自動（有 GPU 時使用 GPU）</translation>
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
        <translation>自動（GPU 上用 bf16/fp16，CPU 上用 fp32）</translation>
    </message>
    <message>
        <source>Continue writing</source>
        <translation>續寫</translation>
    </message>
    <message>
        <source>Editing actions</source>
        <translation>編輯操作</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>對話</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>翻譯</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>溫度</translation>
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
        <translation>重複懲罰</translation>
    </message>
    <message>
        <source>Max new tokens (0 = automatic)</source>
        <translation>最大新詞元數 (0 = 自動)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>寫作</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外觀</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>在這臺電腦上</translation>
    </message>
    <message>
        <source>On a server (OpenAI-compatible: Ollama, vLLM, LM Studio, llama.cpp…)</source>
        <translation>在伺服器上（OpenAI 相容：Ollama、vLLM、LM Studio、llama.cpp…）</translation>
    </message>
    <message>
        <source>Local model</source>
        <translation>本地模型</translation>
    </message>
    <message>
        <source>The built-in model (SmolLM2-135M-Instruct)</source>
        <translation>內建模型（SmolLM2-135M-Instruct）</translation>
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
        <translation>同一個模型</translation>
    </message>
    <message>
        <source>Use the Same</source>
        <translation>使用同一個</translation>
    </message>
    <message>
        <source>For translation:</source>
        <translation>翻譯使用：</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>裝置：</translation>
    </message>
    <message>
        <source>In use: {device}, {dtype}.</source>
        <translation>正在使用：{device}，{dtype}。</translation>
    </message>
    <message>
        <source>No model loaded yet.</source>
        <translation>尚未載入模型。</translation>
    </message>
    <message>
        <source>Why not the GPU: {reason}</source>
        <translation>為什麼沒有使用 GPU：{reason}</translation>
    </message>
    <message>
        <source>Device in use</source>
        <translation>正在使用的裝置</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>精度：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>CPU 執行緒數：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>從不</translation>
    </message>
    <message>
        <source>Unload when idle for:</source>
        <translation>空閒多久後解除安裝：</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>伺服器地址</translation>
    </message>
    <message>
        <source>Address (ends in /v1):</source>
        <translation>地址（以 /v1 結尾）：</translation>
    </message>
    <message>
        <source>e.g. llama3.2, or the path the server was started with</source>
        <translation>例如 llama3.2，或啟動伺服器時使用的路徑</translation>
    </message>
    <message>
        <source>Model name on the server</source>
        <translation>伺服器上的模型名稱</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 金鑰</translation>
    </message>
    <message>
        <source>Only if the server asks for one</source>
        <translation>僅當伺服器要求時填寫</translation>
    </message>
    <message>
        <source>Save Key</source>
        <translation>儲存金鑰</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API 金鑰：</translation>
    </message>
    <message>
        <source>Context length (tokens):</source>
        <translation>上下文長度（詞元）：</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>測試連線</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>連線測試結果</translation>
    </message>
    <message>
        <source>The key could not be stored in a system keyring: it is used until Inkwell closes. To keep one, set the INKWELL_API_KEY environment variable.</source>
        <translation>金鑰無法儲存到系統金鑰環：它會一直使用到 Inkwell 關閉。如需長期儲存，請設定 INKWELL_API_KEY 環境變數。</translation>
    </message>
    <message>
        <source>No system keyring is available, so a key cannot be stored: a key you save is used until Inkwell closes. To keep one, set the INKWELL_API_KEY environment variable.</source>
        <translation>沒有可用的系統金鑰環，因此無法儲存金鑰：你儲存的金鑰會一直使用到 Inkwell 關閉。如需長期儲存，請設定 INKWELL_API_KEY 環境變數。</translation>
    </message>
    <message>
        <source>A key is stored in the system keyring.</source>
        <translation>系統金鑰環中已儲存金鑰。</translation>
    </message>
    <message>
        <source>No key stored.</source>
        <translation>尚未儲存金鑰。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在測試…</translation>
    </message>
    <message>
        <source>How the model writes for each task. Lower temperature: steadier, more literal text; higher: more varied; temperature 0 always picks the likeliest word. Max new tokens 0 lets Inkwell size the answer to the text.</source>
        <translation>模型在各項任務中的寫作方式。溫度越低，文字越穩定、越貼近原意；越高則越多變；溫度為 0 時總是選擇可能性最大的詞。最大新詞元數為 0 時，由 Inkwell 根據文字決定回答的長度。</translation>
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
        <translation>主題：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>語言：</translation>
    </message>
    <message>
        <source>The language applies the next time Inkwell starts.</source>
        <translation>語言設定在 Inkwell 下次啟動時生效。</translation>
    </message>
    <message>
        <source>Customize Keyboard Shortcuts…</source>
        <translation>自定義鍵盤快捷鍵…</translation>
    </message>
    <message>
        <source>Shortcuts:</source>
        <translation>快捷鍵：</translation>
    </message>
    <message>
        <source>Documents&apos; recovery files and conversations</source>
        <translation>文件的恢復檔案和對話</translation>
    </message>
    <message>
        <source>Downloaded models</source>
        <translation>已下載的模型</translation>
    </message>
    <message>
        <source>Converted models (copies of .gguf files)</source>
        <translation>轉換後的模型（.gguf 檔案的副本）</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日誌</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Open the folder: {name}</source>
        <translation>開啟資料夾：{name}</translation>
    </message>
    <message>
        <source>Set the INKWELL_HOME environment variable to keep all of these under one folder.</source>
        <translation>設定 INKWELL_HOME 環境變數，可把這些都放在同一個資料夾下。</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Window</source>
        <translation>視窗</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>編輯器</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>鍵盤快捷鍵</translation>
    </message>
    <message>
        <source>Filter actions</source>
        <translation>篩選操作</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷鍵</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>作用範圍</translation>
    </message>
    <message>
        <source>Actions and their shortcuts</source>
        <translation>操作及其快捷鍵</translation>
    </message>
    <message>
        <source>New shortcut</source>
        <translation>新快捷鍵</translation>
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
        <translation>恢復預設(&amp;R)</translation>
    </message>
    <message>
        <source>Reset &amp;All</source>
        <translation>全部恢復預設(&amp;A)</translation>
    </message>
    <message>
        <source>Shortcut conflicts</source>
        <translation>快捷鍵衝突</translation>
    </message>
    <message>
        <source>Shortcut:</source>
        <translation>快捷鍵：</translation>
    </message>
    <message>
        <source>{keys} is used by both “{a}” and “{b}”.</source>
        <translation>{keys} 同時被「{a}」和「{b}」使用。</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>沒有衝突。</translation>
    </message>
    <message>
        <source>Shortcut list</source>
        <translation>快捷鍵列表</translation>
    </message>
    <message>
        <source>&amp;Customize…</source>
        <translation>自定義(&amp;C)…</translation>
    </message>
    <message>
        <source>Accept a continuation</source>
        <translation>接受續寫內容</translation>
    </message>
    <message>
        <source>Discard a continuation</source>
        <translation>放棄續寫內容</translation>
    </message>
    <message>
        <source>In the editor</source>
        <translation>在編輯器中</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>No model loaded</source>
        <translation>未載入模型</translation>
    </message>
    <message>
        <source>Model activity</source>
        <translation>模型活動</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>模型載入進度</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>裝置</translation>
    </message>
    <message>
        <source>Speed of the last run</source>
        <translation>上次執行的速度</translation>
    </message>
    <message>
        <source>Memory used by the model</source>
        <translation>模型佔用的記憶體</translation>
    </message>
    <message>
        <source>{path}
Context: {context} tokens</source>
        <translation>{path}
上下文：{context} 個詞元</translation>
    </message>
    <message>
        <source>no GPU: {reason}</source>
        <translation>未使用 GPU：{reason}</translation>
    </message>
    <message>
        <source>Running on the GPU</source>
        <translation>正在 GPU 上執行</translation>
    </message>
    <message>
        <source>Model not loaded</source>
        <translation>模型未載入</translation>
    </message>
    <message>
        <source>{rate:.1f} tokens/s</source>
        <translation>{rate:.1f} 詞元/秒</translation>
    </message>
    <message>
        <source>{n} tokens, first after {ttft:.0f} ms</source>
        <translation>{n} 個詞元，首個詞元用時 {ttft:.0f} 毫秒</translation>
    </message>
    <message>
        <source>Model RAM {size}</source>
        <translation>模型記憶體 {size}</translation>
    </message>
    <message>
        <source>Memory used by the model process (the editor&apos;s own is not included)</source>
        <translation>模型程序佔用的記憶體（不含編輯器本身）</translation>
    </message>
    <message>
        <source>Model unloaded (idle)</source>
        <translation>模型已解除安裝（空閒）</translation>
    </message>
    <message>
        <source>Unloaded to free memory; the next request loads it again.</source>
        <translation>已解除安裝以釋放記憶體；下次請求時會重新載入。</translation>
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
        <translation>{model} 用英語以外的語言寫作效果不佳。要得到更好的{language}摘要，請在模型管理器中選擇更大的多語言模型，例如 Qwen2.5-1.5B-Instruct。</translation>
    </message>
    <message>
        <source>{model} writes poor summaries. Choose a larger model such as Qwen2.5-1.5B-Instruct in the model manager.</source>
        <translation>{model} 寫出的摘要質量不佳。請在模型管理器中選擇更大的模型，例如 Qwen2.5-1.5B-Instruct。</translation>
    </message>
    <message>
        <source>The selection</source>
        <translation>選中內容</translation>
    </message>
    <message>
        <source>The document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>{what} has no text to summarize. Write or select some text first.</source>
        <translation>{what}沒有可供摘要的文字。請先寫入或選中一些文字。</translation>
    </message>
    <message>
        <source>Waiting for the model to load…</source>
        <translation>正在等待模型載入…</translation>
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
        <translation>無法載入模型。</translation>
    </message>
    <message>
        <source>Counting tokens…</source>
        <translation>正在統計詞元…</translation>
    </message>
    <message>
        <source>This text cannot be summarized with the loaded model.</source>
        <translation>無法用已載入的模型為這段文字生成摘要。</translation>
    </message>
    <message>
        <source>The text could not be prepared for summarizing. Your text is safe; try again.</source>
        <translation>無法為生成摘要準備文字。你的文字是安全的；請重試。</translation>
    </message>
    <message>
        <source>Not summarized.</source>
        <translation>未生成摘要。</translation>
    </message>
    <message>
        <source>The model wrote no summary. Try Regenerate, or choose another model.</source>
        <translation>模型沒有寫出摘要。請試試「重新生成」，或選擇其他模型。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Waiting for the model (it is busy with another task)…</source>
        <translation>正在等待模型（它正忙於另一項任務）…</translation>
    </message>
    <message>
        <source>Summarizing…</source>
        <translation>正在生成摘要…</translation>
    </message>
    <message>
        <source>Writing the summary from {parts} part summaries…</source>
        <translation>正在根據 {parts} 個部分的摘要寫出總摘要…</translation>
    </message>
    <message>
        <source>Part {index} of {of}</source>
        <translation>第 {index} 部分，共 {of} 部分</translation>
    </message>
    <message>
        <source>Combining part summaries: {index} of {of}</source>
        <translation>正在合併各部分摘要：第 {index} 個，共 {of} 個</translation>
    </message>
    <message>
        <source>Parts {first}–{last} combined</source>
        <translation>已合併第 {first}–{last} 部分</translation>
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
        <translation>請先選中要替換的文字。</translation>
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
        <translation>一句話</translation>
    </message>
    <message>
        <source>Short paragraph</source>
        <translation>一小段</translation>
    </message>
    <message>
        <source>Detailed</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Summary length</source>
        <translation>摘要長度</translation>
    </message>
    <message>
        <source>Prose</source>
        <translation>成段文字</translation>
    </message>
    <message>
        <source>Bullet points</source>
        <translation>要點列表</translation>
    </message>
    <message>
        <source>Key points and action items</source>
        <translation>要點和待辦事項</translation>
    </message>
    <message>
        <source>Summary style</source>
        <translation>摘要形式</translation>
    </message>
    <message>
        <source>Same as the text</source>
        <translation>與原文相同</translation>
    </message>
    <message>
        <source>Language of the summary</source>
        <translation>摘要的語言</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>長度(&amp;L)：</translation>
    </message>
    <message>
        <source>F&amp;orm:</source>
        <translation>形式(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Write in:</source>
        <translation>使用語言(&amp;W)：</translation>
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
        <translation>摘要狀態</translation>
    </message>
    <message>
        <source>Summary progress</source>
        <translation>摘要進度</translation>
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
        <translation>摘要會顯示在這裡。</translation>
    </message>
    <message>
        <source>Part summaries</source>
        <translation>各部分摘要</translation>
    </message>
    <message>
        <source>Co&amp;py</source>
        <translation>複製(&amp;P)</translation>
    </message>
    <message>
        <source>Copy the summary</source>
        <translation>複製摘要</translation>
    </message>
    <message>
        <source>Insert at c&amp;ursor</source>
        <translation>插入到游標處(&amp;U)</translation>
    </message>
    <message>
        <source>Insert the summary at the cursor</source>
        <translation>把摘要插入到游標處</translation>
    </message>
    <message>
        <source>Replace selectio&amp;n</source>
        <translation>替換選中內容(&amp;N)</translation>
    </message>
    <message>
        <source>Replace the selection with the summary</source>
        <translation>用摘要替換選中內容</translation>
    </message>
    <message>
        <source>The text is long: its {parts} parts are summarized first (below), then the summary is written here.</source>
        <translation>文字較長：先為它的 {parts} 個部分分別生成摘要（見下方），再在這裡寫出總摘要。</translation>
    </message>
    <message>
        <source>Partial summary: it covers parts 1–{covered} of {parts} only.</source>
        <translation>部分摘要：只涵蓋第 1–{covered} 部分，共 {parts} 部分。</translation>
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
        <translation>開啟的文件</translation>
    </message>
</context>
<context>
    <name>TranslateController</name>
    <message>
        <source>Choose the source language first: the language of the text could not be detected.</source>
        <translation>請先選擇源語言：無法檢測出文字的語言。</translation>
    </message>
    <message>
        <source>{model} cannot translate: expect wrong or untranslated text. For real translations, choose a multilingual model such as Qwen2.5-1.5B-Instruct in the model manager.</source>
        <translation>{model} 不會翻譯：譯文可能有誤或未被翻譯。要得到真正的翻譯，請在模型管理器中選擇多語言模型，例如 Qwen2.5-1.5B-Instruct。</translation>
    </message>
    <message>
        <source>The selection</source>
        <translation>選中內容</translation>
    </message>
    <message>
        <source>The document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>{what} has no text to translate. Write or select some text first.</source>
        <translation>{what}沒有可翻譯的文字。請先寫入或選中一些文字。</translation>
    </message>
    <message>
        <source>Waiting for the model to load…</source>
        <translation>正在等待模型載入…</translation>
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
        <translation>無法載入模型。</translation>
    </message>
    <message>
        <source>Reading the text…</source>
        <translation>正在讀取文字…</translation>
    </message>
    <message>
        <source>The text could not be prepared for translation. Your text is safe; try again.</source>
        <translation>無法為翻譯準備文字。你的文字是安全的；請重試。</translation>
    </message>
    <message>
        <source>Not translated.</source>
        <translation>未翻譯。</translation>
    </message>
    <message>
        <source>The text is already in {language}. Choose another target language.</source>
        <translation>文字已經是{language}了。請選擇其他目標語言。</translation>
    </message>
    <message>
        <source>Already in {language}: nothing to do.</source>
        <translation>已經是{language}：無需翻譯。</translation>
    </message>
    <message>
        <source>There is nothing to translate: the text has no words.</source>
        <translation>沒有可翻譯的內容：文字中沒有詞語。</translation>
    </message>
    <message>
        <source>Nothing to translate.</source>
        <translation>沒有可翻譯的內容。</translation>
    </message>
    <message>
        <source>Could not tell the language of the text; translating anyway.</source>
        <translation>無法判斷文字的語言；仍然繼續翻譯。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Translating part {index} of {of}</source>
        <translation>正在翻譯第 {index} 部分，共 {of} 部分</translation>
    </message>
    <message>
        <source>Stopped: {done} of {total} parts translated.</source>
        <translation>已停止：已翻譯 {done} 部分，共 {total} 部分。</translation>
    </message>
    <message>
        <source>Select the text to replace first.</source>
        <translation>請先選中要替換的文字。</translation>
    </message>
</context>
<context>
    <name>TranslatePane</name>
    <message>
        <source>There is no text to look at.</source>
        <translation>沒有可供檢測的文字。</translation>
    </message>
    <message>
        <source>The text is too short to tell.</source>
        <translation>文字太短，無法判斷。</translation>
    </message>
    <message>
        <source>The text has no words, only numbers or symbols.</source>
        <translation>文字中沒有詞語，只有數字或符號。</translation>
    </message>
    <message>
        <source>It is written in a script Inkwell does not know.</source>
        <translation>它使用的書寫系統 Inkwell 不認識。</translation>
    </message>
    <message>
        <source>It does not look clearly like any language Inkwell knows.</source>
        <translation>它不太像 Inkwell 認識的任何一種語言。</translation>
    </message>
    <message>
        <source>Could not tell the language. {reason} Choose the source language if you know it.</source>
        <translation>無法判斷語言。{reason}如果你知道源語言，請選擇它。</translation>
    </message>
    <message>
        <source>Detected: {main}, mixed with {others}</source>
        <translation>檢測到：{main}，混有{others}</translation>
    </message>
    <message>
        <source>Detected: {language}</source>
        <translation>檢測到：{language}</translation>
    </message>
    <message>
        <source>Text to translate</source>
        <translation>要翻譯的文字</translation>
    </message>
    <message>
        <source>Detect language</source>
        <translation>檢測語言</translation>
    </message>
    <message>
        <source>Translate from</source>
        <translation>源語言</translation>
    </message>
    <message>
        <source>Translate into</source>
        <translation>目標語言</translation>
    </message>
    <message>
        <source>Swap the languages</source>
        <translation>交換兩種語言</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>從：</translation>
    </message>
    <message>
        <source>Into:</source>
        <translation>譯為：</translation>
    </message>
    <message>
        <source>Detected language</source>
        <translation>檢測到的語言</translation>
    </message>
    <message>
        <source>Trans&amp;late</source>
        <translation>翻譯(&amp;L)</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>翻譯</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop translating</source>
        <translation>停止翻譯</translation>
    </message>
    <message>
        <source>Translate &amp;while I type</source>
        <translation>邊輸入邊翻譯(&amp;W)</translation>
    </message>
    <message>
        <source>Translate as I type</source>
        <translation>輸入時自動翻譯</translation>
    </message>
    <message>
        <source>Translation status</source>
        <translation>翻譯狀態</translation>
    </message>
    <message>
        <source>Translation progress</source>
        <translation>翻譯進度</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>譯文</translation>
    </message>
    <message>
        <source>The translation appears here.</source>
        <translation>譯文會顯示在這裡。</translation>
    </message>
    <message>
        <source>Co&amp;py</source>
        <translation>複製(&amp;P)</translation>
    </message>
    <message>
        <source>Copy the translation</source>
        <translation>複製譯文</translation>
    </message>
    <message>
        <source>Insert at c&amp;ursor</source>
        <translation>插入到游標處(&amp;U)</translation>
    </message>
    <message>
        <source>Insert the translation at the cursor</source>
        <translation>把譯文插入到游標處</translation>
    </message>
    <message>
        <source>Replace selectio&amp;n</source>
        <translation>替換選中內容(&amp;N)</translation>
    </message>
    <message>
        <source>Replace the selection with the translation</source>
        <translation>用譯文替換選中內容</translation>
    </message>
    <message>
        <source>%v of %m parts translated</source>
        <translation>已翻譯 %v / %m 部分</translation>
    </message>
    <message>
        <source>Replace &amp;document</source>
        <translation>替換整篇文件(&amp;D)</translation>
    </message>
    <message>
        <source>Replace the document with the translation</source>
        <translation>用譯文替換整篇文件</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>{name} could not be opened ({error}).</source>
        <translation>無法開啟 {name}（{error}）。</translation>
    </message>
    <message>
        <source>Imported {name} as a new Markdown document.</source>
        <translation>已將 {name} 匯入為新的 Markdown 文件。</translation>
    </message>
    <message>
        <source>{name} was deleted or moved by another program. Your text is still here; save it to keep it.</source>
        <translation>{name} 已被其他程式刪除或移動。你的文字仍在這裡；請儲存以免丟失。</translation>
    </message>
    <message>
        <source>{name} changed on disk and was reloaded.</source>
        <translation>{name} 在磁碟上已更改，已重新載入。</translation>
    </message>
    <message>
        <source>{name} is not in a file yet, so there is nothing to read again. Save it first.</source>
        <translation>{name} 還沒有儲存為檔案，因此無法重新讀取。請先儲存。</translation>
    </message>
</context>
</TS>
