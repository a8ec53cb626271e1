<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>DeleteTextCommand</name>
    <message>
        <location filename="../../app/views/library_commands.py" line="22" />
        <source>Delete “{0}”</source>
        <translation>Удалить «{0}»</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <location filename="../../app/views/details_dialog.py" line="15" />
        <source>Text details</source>
        <translation>Сведения о тексте</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="21" />
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="22" />
        <source>Author:</source>
        <translation>Автор:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="23" />
        <source>Translator:</source>
        <translation>Переводчик:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="24" />
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="25" />
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="26" />
        <source>Rights:</source>
        <translation>Права:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="33" />
        <source>original</source>
        <translation>оригинал</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="34" />
        <source>published translation</source>
        <translation>опубликованный перевод</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="35" />
        <source>working translation</source>
        <translation>рабочий перевод</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="36" />
        <source>back-translation</source>
        <translation>обратный перевод</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="40" />
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="42" />
        <source>Note:</source>
        <translation>Примечание:</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../app/views/find_bar.py" line="20" />
        <source>Find in this text</source>
        <translation>Найти в этом тексте</translation>
    </message>
    <message>
        <location filename="../../app/views/find_bar.py" line="25" />
        <source>Previous match (Shift+F3)</source>
        <translation>Предыдущее совпадение (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../app/views/find_bar.py" line="27" />
        <source>Next match (F3, Enter)</source>
        <translation>Следующее совпадение (F3, Enter)</translation>
    </message>
    <message>
        <location filename="../../app/views/find_bar.py" line="29" />
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/views/find_bar.py" line="68" />
        <source>No matches</source>
        <translation>Не найдено</translation>
    </message>
    <message>
        <location filename="../../app/views/find_bar.py" line="70" />
        <source>{0} of {1}</source>
        <translation>{0} из {1}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="50" />
        <location filename="../../app/dialogs/import_dialog.py" line="99" />
        <source>Import a text</source>
        <translation>Импорт текста</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="54" />
        <source>Browse…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="59" />
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="61" />
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="62" />
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="63" />
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="65" />
        <source>from the file if left empty</source>
        <translation>из файла, если не заполнено</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="66" />
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="68" />
        <source>Author:</source>
        <translation>Автор:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="72" />
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="74" />
        <source>Translator:</source>
        <translation>Переводчик:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="76" />
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="78" />
        <source>edition, archive or web address</source>
        <translation>издание, архив или веб-адрес</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="79" />
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="81" />
        <source>Rights:</source>
        <translation>Права:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="83" />
        <source>A new work</source>
        <translation>Новое произведение</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="86" />
        <source>Work:</source>
        <translation>Произведение:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="88" />
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="107" />
        <source>choose a file first</source>
        <translation>сначала выберите файл</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../app/models/library_model.py" line="18" />
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="19" />
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="20" />
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="21" />
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="22" />
        <source>Sentences</source>
        <translation>Предложений</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="23" />
        <source>Alignment</source>
        <translation>Выравнивание</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="24" />
        <source>Read</source>
        <translation>Прочитано</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="25" />
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="26" />
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="27" />
        <source>original</source>
        <translation>оригинал</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="28" />
        <source>published translation</source>
        <translation>опубликованный перевод</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="29" />
        <source>working translation</source>
        <translation>рабочий перевод</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="30" />
        <source>back-translation</source>
        <translation>обратный перевод</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="31" />
        <source>{s} sentences</source>
        <translation>предложений: {s}</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="32" />
        <source>not aligned</source>
        <translation>не выровнен</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="33" />
        <source>aligned</source>
        <translation>выровнен</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="34" />
        <source>↔ {lang}</source>
        <translation>↔ {lang}</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="35" />
        <source>{p} paragraphs, {s} sentences, {c} characters</source>
        <translation>абзацев: {p}, предложений: {s}, знаков: {c}</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="36" />
        <source>Author: {a}</source>
        <translation>Автор: {a}</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="37" />
        <source>Translator: {t}</source>
        <translation>Переводчик: {t}</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="38" />
        <source>Date: {d}</source>
        <translation>Дата: {d}</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="39" />
        <source>Source: {s}</source>
        <translation>Источник: {s}</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="40" />
        <source>Aligned with text {i}</source>
        <translation>Выровнен с текстом {i}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/views/main_window.py" line="61" />
        <location filename="../../app/views/main_window.py" line="248" />
        <source>Sverka</source>
        <translation>Sverka</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="88" />
        <source>Library</source>
        <translation>Библиотека</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="89" />
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="115" />
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="116" />
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="117" />
        <source>&amp;Restore bundled texts</source>
        <translation>&amp;Вернуть встроенные тексты</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="118" />
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="119" />
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="126" />
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="127" />
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="129" />
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="131" />
        <source>&amp;Find in text…</source>
        <translation>&amp;Найти в тексте…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="134" />
        <source>&amp;Search the library…</source>
        <translation>&amp;Поиск по библиотеке…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="136" />
        <source>&amp;Go to…</source>
        <translation>&amp;Перейти…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="141" />
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="144" />
        <source>&amp;Side by side</source>
        <translation>&amp;Параллельно</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="145" />
        <source>&amp;Interlinear</source>
        <translation>&amp;Подстрочно</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="146" />
        <source>&amp;Russian only</source>
        <translation>Только &amp;русский</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="147" />
        <source>&amp;English only</source>
        <translation>Только &amp;английский</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="156" />
        <source>S&amp;wap columns</source>
        <translation>Поменять &amp;колонки</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="161" />
        <source>&amp;Library panel</source>
        <translation>Панель &amp;библиотеки</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="166" />
        <source>&amp;Text</source>
        <translation>&amp;Текст</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="167" />
        <source>&amp;Rename…</source>
        <translation>П&amp;ереименовать…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="168" />
        <source>Edit &amp;details…</source>
        <translation>&amp;Сведения о тексте…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="169" />
        <source>&amp;Align with…</source>
        <translation>&amp;Выровнять с…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="170" />
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="213" />
        <source>{0} texts in {1} works — {2}</source>
        <translation>Текстов: {0}, произведений: {1} — {2}</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="222" />
        <source>Setting up the bundled library…</source>
        <translation>Подготовка встроенной библиотеки…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="230" />
        <source>Restoring the bundled texts…</source>
        <translation>Восстановление встроенных текстов…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="248" />
        <source>{0} — Sverka</source>
        <translation>{0} — Sverka</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="287" />
        <source>Rename text</source>
        <translation>Переименовать текст</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="287" />
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="299" />
        <source>Delete text</source>
        <translation>Удалить текст</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="300" />
        <source>Delete “{0}” and its alignments from the library?

Edit → Undo brings it back.</source>
        <translation>Удалить «{0}» и его выравнивания из библиотеки?

Правка → Отменить вернёт его.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="304" />
        <source>Deleted “{0}”. Press Ctrl+Z to undo.</source>
        <translation>«{0}» удалён. Ctrl+Z — отменить.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="338" />
        <location filename="../../app/views/main_window.py" line="342" />
        <source>Align with…</source>
        <translation>Выровнять с…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="338" />
        <source>There is no text in the other language to align with.</source>
        <translation>В библиотеке нет текста на другом языке для выравнивания.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="342" />
        <source>Align “{0}” with:</source>
        <translation>Выровнять «{0}» с:</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="353" />
        <source>Aligning {0}…</source>
        <translation>Выравнивание: {0}…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="379" />
        <source>Importing {0}…</source>
        <translation>Импорт: {0}…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="387" />
        <source>Imported: {0} paragraphs, {1} sentences.</source>
        <translation>Импортировано: абзацев — {0}, предложений — {1}.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="395" />
        <source>Already in the library</source>
        <translation>Уже в библиотеке</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="396" />
        <source>This text is already in the library as “{0}”. Import a second copy?</source>
        <translation>Этот текст уже есть в библиотеке как «{0}». Импортировать ещё одну копию?</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="401" />
        <source>Check the language</source>
        <translation>Проверьте язык</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="401" />
        <source>Import it anyway?</source>
        <translation>Всё равно импортировать?</translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message>
        <location filename="../../app/views/reader_pane.py" line="133" />
        <source>Side by side</source>
        <translation>Параллельно</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="133" />
        <source>Russian and English side by side</source>
        <translation>Русский и английский рядом</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="134" />
        <source>Interlinear</source>
        <translation>Подстрочно</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="134" />
        <source>Each sentence with its translation below</source>
        <translation>Под каждым предложением — его перевод</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="135" />
        <source>RU</source>
        <translation>RU</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="135" />
        <source>Russian only</source>
        <translation>Только русский</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="136" />
        <source>EN</source>
        <translation>EN</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="136" />
        <source>English only</source>
        <translation>Только английский</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="149" />
        <source>Swap the columns</source>
        <translation>Поменять колонки местами</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="168" />
        <source>Choose a text in the library to read it.</source>
        <translation>Выберите текст в библиотеке, чтобы читать его.</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="251" />
        <source>tr. {0}</source>
        <translation>пер. {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="254" />
        <source>not aligned</source>
        <translation>не выровнен</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="262" />
        <source>original</source>
        <translation>оригинал</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="263" />
        <source>published translation</source>
        <translation>опубликованный перевод</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="264" />
        <source>working translation</source>
        <translation>рабочий перевод</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="265" />
        <source>back-translation</source>
        <translation>обратный перевод</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="271" />
        <source>⚠ Reconstruction: the {0} text was written by Sverka's editors from the translation. It is not the author's words and must not be quoted as such. / Реконструкция: обратный перевод, выполненный редакцией Sverka; цитировать его как текст автора нельзя.</source>
        <translation>⚠ Реконструкция: {0} текст написан редакцией Sverka по переводу (обратный перевод). Это не слова автора, цитировать его как текст автора нельзя. / Reconstruction: not the author's words; do not quote it as such.</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="274" />
        <location filename="../../app/views/reader_pane.py" line="278" />
        <source>Russian</source>
        <translation>русский</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="274" />
        <location filename="../../app/views/reader_pane.py" line="278" />
        <source>English</source>
        <translation>английский</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="276" />
        <source>⚠ Working translation: the {0} text is a working translation by Sverka's editors, not a published translation. / Рабочий перевод редакции Sverka, а не опубликованный перевод.</source>
        <translation>⚠ Рабочий перевод: {0} текст — рабочий перевод редакции Sverka, а не опубликованный перевод. / Working translation by Sverka's editors, not a published translation.</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="311" />
        <source>Go to</source>
        <translation>Перейти</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="312" />
        <source>Bead number (1–{0}), or ¶ and a paragraph number (e.g. ¶12):</source>
        <translation>Номер пары (1–{0}) или ¶ и номер абзаца (например, ¶12):</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../app/views/search_panel.py" line="111" />
        <source>Search the library (Russian or English)</source>
        <translation>Поиск по библиотеке (по-русски или по-английски)</translation>
    </message>
    <message>
        <location filename="../../app/views/search_panel.py" line="150" />
        <source>Nothing found.</source>
        <translation>Ничего не найдено.</translation>
    </message>
    <message>
        <location filename="../../app/views/search_panel.py" line="152" />
        <source>{0} sentences found; the first {1} are shown.</source>
        <translation>Найдено предложений: {0}; показаны первые {1}.</translation>
    </message>
    <message>
        <location filename="../../app/views/search_panel.py" line="154" />
        <source>{0} sentences found.</source>
        <translation>Найдено предложений: {0}.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="26" />
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="30" />
        <source>Russian text</source>
        <translation>Русский текст</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="30" />
        <source>English text</source>
        <translation>Английский текст</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="44" />
        <source>Line spacing</source>
        <translation>Межстрочный интервал</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="46" />
        <source>Follow the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="46" />
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="46" />
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="49" />
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="51" />
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="54" />
        <source>Interface language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="55" />
        <source>A new interface language takes effect when Sverka is started again.</source>
        <translation>Новый язык интерфейса начнёт действовать после перезапуска Sverka.</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="20" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="21" />
        <source>Sverka</source>
        <translation>Sverka</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="50" />
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
</context>
</TS>