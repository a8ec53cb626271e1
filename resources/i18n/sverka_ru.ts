<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/views/help.py" line="216"/>
        <source>About Sverka</source>
        <translation>О программе Sverka</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../app/dialogs/backup_dialog.py" line="15"/>
        <source>daily backup</source>
        <translation>ежедневная копия</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/backup_dialog.py" line="16"/>
        <source>before an upgrade of the library</source>
        <translation>перед обновлением библиотеки</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/backup_dialog.py" line="17"/>
        <source>before a restore</source>
        <translation>перед восстановлением</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/backup_dialog.py" line="29"/>
        <source>Restore from backup</source>
        <translation>Восстановить из резервной копии</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/backup_dialog.py" line="32"/>
        <source>Sverka backs up the library each day you close the window (the last 7 are kept) and before every upgrade. Choose the state to go back to; the library as it is now is backed up first, so this can be undone.</source>
        <translation>Sverka сохраняет резервную копию библиотеки каждый день, когда вы закрываете окно (хранятся последние 7), и перед каждым обновлением. Выберите состояние, к которому вернуться; нынешняя библиотека сначала сохраняется в копию, так что возврат можно отменить.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/backup_dialog.py" line="39"/>
        <source>{0} — {1} ({2:.1f} MB)</source>
        <translation>{0} — {1} ({2:.1f} МБ)</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/backup_dialog.py" line="46"/>
        <source>There are no backups yet: the first is made when you close the window.</source>
        <translation>Резервных копий пока нет: первая появится, когда вы закроете окно.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/backup_dialog.py" line="52"/>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
</context>
<context>
    <name>BookmarkActions</name>
    <message>
        <location filename="../../app/views/bookmark_actions.py" line="58"/>
        <source>Open an aligned pair and select beads to bookmark them (a text read alone has no beads).</source>
        <translation>Откройте выровненную пару и выделите пары, чтобы добавить закладку (у отдельного текста пар нет).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/bookmark_actions.py" line="82"/>
        <source>Bookmarked %n bead. Ctrl+Z undoes it.</source>
        <translation>
            <numerusform>Закладка на %n пару. Ctrl+Z отменит.</numerusform>
            <numerusform>Закладка на %n пары. Ctrl+Z отменит.</numerusform>
            <numerusform>Закладка на %n пар. Ctrl+Z отменит.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/bookmark_actions.py" line="84"/>
        <source>Bookmarked %n beads. Ctrl+Z undoes it.</source>
        <translation>
            <numerusform>Закладка на %n пару. Ctrl+Z отменит.</numerusform>
            <numerusform>Закладка на %n пары. Ctrl+Z отменит.</numerusform>
            <numerusform>Закладка на %n пар. Ctrl+Z отменит.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/bookmark_actions.py" line="94"/>
        <source>“{0}” can no longer be found in its texts: {1}</source>
        <translation>«{0}» больше не находится в своих текстах: {1}</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmark_actions.py" line="102"/>
        <source>The pair of “{0}” could not be opened.</source>
        <translation>Не удалось открыть пару закладки «{0}».</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmark_actions.py" line="127"/>
        <source>Deleted the bookmark “{0}”. Press Ctrl+Z to undo.</source>
        <translation>Закладка «{0}» удалена. Ctrl+Z вернёт её.</translation>
    </message>
</context>
<context>
    <name>BookmarkCommands</name>
    <message>
        <location filename="../../app/views/bookmark_commands.py" line="30"/>
        <source>Bookmark “{0}”</source>
        <translation>Закладка «{0}»</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmark_commands.py" line="31"/>
        <source>Mark “{0}” reviewed</source>
        <translation>Отметить «{0}» как проверенную</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmark_commands.py" line="32"/>
        <source>Edit bookmark “{0}”</source>
        <translation>Изменить закладку «{0}»</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmark_commands.py" line="33"/>
        <source>Delete bookmark “{0}”</source>
        <translation>Удалить закладку «{0}»</translation>
    </message>
</context>
<context>
    <name>BookmarkDialog</name>
    <message>
        <location filename="../../app/dialogs/bookmark_dialog.py" line="61"/>
        <source>Edit bookmark</source>
        <translation>Изменить закладку</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/bookmark_dialog.py" line="61"/>
        <source>Bookmark the passage</source>
        <translation>Закладка на отрывок</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/bookmark_dialog.py" line="72"/>
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/bookmark_dialog.py" line="74"/>
        <source>Why this passage matters, what to check…</source>
        <translation>Чем важен отрывок, что проверить…</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/bookmark_dialog.py" line="77"/>
        <source>Note:</source>
        <translation>Заметка:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/bookmark_dialog.py" line="79"/>
        <source>comma-separated, e.g. NEP, opposition</source>
        <translation>через запятую, напр. НЭП, оппозиция</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/bookmark_dialog.py" line="84"/>
        <source>Tags:</source>
        <translation>Метки:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/bookmark_dialog.py" line="85"/>
        <source>Colour:</source>
        <translation>Цвет:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/bookmark_dialog.py" line="87"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/bookmark_dialog.py" line="87"/>
        <source>Bookmark</source>
        <translation>Добавить закладку</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/bookmark_dialog.py" line="104"/>
        <source>Other…</source>
        <translation>Другой…</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/bookmark_dialog.py" line="117"/>
        <source>Colour {0}</source>
        <translation>Цвет {0}</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/bookmark_dialog.py" line="126"/>
        <source>Bookmark colour</source>
        <translation>Цвет закладки</translation>
    </message>
</context>
<context>
    <name>BookmarksModel</name>
    <message>
        <location filename="../../app/models/bookmarks_model.py" line="58"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../app/models/bookmarks_model.py" line="58"/>
        <source>Work</source>
        <translation>Произведение</translation>
    </message>
    <message>
        <location filename="../../app/models/bookmarks_model.py" line="58"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location filename="../../app/models/bookmarks_model.py" line="58"/>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <location filename="../../app/models/bookmarks_model.py" line="69"/>
        <source>(untitled)</source>
        <translation>(без названия)</translation>
    </message>
    <message>
        <location filename="../../app/models/bookmarks_model.py" line="80"/>
        <source>Needs review: {0}</source>
        <translation>Требует проверки: {0}</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <location filename="../../app/views/bookmarks_panel.py" line="50"/>
        <source>Words in the title, note or passage</source>
        <translation>Слова в названии, заметке или отрывке</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmarks_panel.py" line="53"/>
        <source>Only bookmarks with this tag</source>
        <translation>Только закладки с этой меткой</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmarks_panel.py" line="55"/>
        <source>Words in the note</source>
        <translation>Слова в заметке</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmarks_panel.py" line="91"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmarks_panel.py" line="92"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmarks_panel.py" line="93"/>
        <source>Mark reviewed</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmarks_panel.py" line="94"/>
        <source>The passage is right: stop flagging this bookmark</source>
        <translation>Отрывок верен: больше не помечать эту закладку</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmarks_panel.py" line="95"/>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmarks_panel.py" line="96"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmarks_panel.py" line="97"/>
        <source>Copy the passage in both languages with its citation (Ctrl+C)</source>
        <translation>Копировать отрывок на обоих языках со ссылкой (Ctrl+C)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/bookmarks_panel.py" line="140"/>
        <source>%n bookmark</source>
        <translation>
            <numerusform>%n закладка</numerusform>
            <numerusform>%n закладки</numerusform>
            <numerusform>%n закладок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/bookmarks_panel.py" line="140"/>
        <source>%n bookmarks</source>
        <translation>
            <numerusform>%n закладка</numerusform>
            <numerusform>%n закладки</numerusform>
            <numerusform>%n закладок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/bookmarks_panel.py" line="142"/>
        <source>%n needs review</source>
        <translation>
            <numerusform>%n требует проверки</numerusform>
            <numerusform>%n требуют проверки</numerusform>
            <numerusform>%n требуют проверки</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/bookmarks_panel.py" line="142"/>
        <source>%n need review</source>
        <translation>
            <numerusform>%n требует проверки</numerusform>
            <numerusform>%n требуют проверки</numerusform>
            <numerusform>%n требуют проверки</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/bookmarks_panel.py" line="144"/>
        <source>No bookmarks yet. Select beads in the reader (Shift+↓ or drag) and press Ctrl+D.</source>
        <translation>Закладок пока нет. Выделите пары в читалке (Shift+↓ или мышью) и нажмите Ctrl+D.</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmarks_panel.py" line="153"/>
        <source>All tags</source>
        <translation>Все метки</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmarks_panel.py" line="196"/>
        <source>Copy with citation</source>
        <translation>Копировать со ссылкой</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmarks_panel.py" line="196"/>
        <source>Copy Russian only, with citation</source>
        <translation>Копировать только русский текст, со ссылкой</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmarks_panel.py" line="197"/>
        <source>Copy English only, with citation</source>
        <translation>Копировать только английский текст, со ссылкой</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmarks_panel.py" line="221"/>
        <source>⚠ Needs review: {0}</source>
        <translation>⚠ Требует проверки: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmarks_panel.py" line="223"/>
        <source>{0}, beads {1}–{2}</source>
        <translation>{0}, пары {1}–{2}</translation>
    </message>
    <message>
        <location filename="../../app/views/bookmarks_panel.py" line="231"/>
        <source>Note: {0}</source>
        <translation>Заметка: {0}</translation>
    </message>
</context>
<context>
    <name>CopyActions</name>
    <message>
        <location filename="../../app/views/copy_actions.py" line="58"/>
        <source>&amp;Copy with citation</source>
        <translation>&amp;Копировать со ссылкой</translation>
    </message>
    <message>
        <location filename="../../app/views/copy_actions.py" line="59"/>
        <source>The selected beads in both languages, with their citation</source>
        <translation>Выделенные пары на обоих языках со ссылкой</translation>
    </message>
    <message>
        <location filename="../../app/views/copy_actions.py" line="60"/>
        <source>Copy &amp;Russian only, with citation</source>
        <translation>Копировать только &amp;русский текст, со ссылкой</translation>
    </message>
    <message>
        <location filename="../../app/views/copy_actions.py" line="61"/>
        <source>Copy &amp;English only, with citation</source>
        <translation>Копировать только &amp;английский текст, со ссылкой</translation>
    </message>
    <message>
        <location filename="../../app/views/copy_actions.py" line="62"/>
        <source>Copy the citation</source>
        <translation>Копировать ссылку</translation>
    </message>
    <message>
        <location filename="../../app/views/copy_actions.py" line="64"/>
        <source>Export the record for &amp;Zotero…</source>
        <translation>Экспорт описания для &amp;Zotero…</translation>
    </message>
    <message>
        <location filename="../../app/views/copy_actions.py" line="66"/>
        <source>The bibliographic records of the selected passage or of the open text, as CSL-JSON, RIS or BibTeX</source>
        <translation>Библиографические описания выделенного отрывка или открытого текста в CSL-JSON, RIS или BibTeX</translation>
    </message>
    <message>
        <location filename="../../app/views/copy_actions.py" line="125"/>
        <source>Open a text and select what to copy.</source>
        <translation>Откройте текст и выделите, что копировать.</translation>
    </message>
    <message>
        <location filename="../../app/views/copy_actions.py" line="130"/>
        <source>Copied with its citation.</source>
        <translation>Скопировано со ссылкой.</translation>
    </message>
    <message>
        <location filename="../../app/views/copy_actions.py" line="143"/>
        <source>Citation copied.</source>
        <translation>Ссылка скопирована.</translation>
    </message>
    <message>
        <location filename="../../app/views/copy_actions.py" line="149"/>
        <source>“{0}” can no longer be found in its texts: {1}</source>
        <translation>«{0}» больше не находится в своих текстах: {1}</translation>
    </message>
    <message>
        <location filename="../../app/views/copy_actions.py" line="155"/>
        <source>Copied “{0}” with its citation.</source>
        <translation>«{0}» скопировано со ссылкой.</translation>
    </message>
    <message>
        <location filename="../../app/views/copy_actions.py" line="162"/>
        <source>Open a text to export its record.</source>
        <translation>Откройте текст, чтобы экспортировать его описание.</translation>
    </message>
    <message>
        <location filename="../../app/views/copy_actions.py" line="171"/>
        <source>Not exported</source>
        <translation>Не экспортировано</translation>
    </message>
    <message>
        <location filename="../../app/views/copy_actions.py" line="173"/>
        <source>Record written to {0}</source>
        <translation>Описание записано в {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/copy_actions.py" line="179"/>
        <source>Export the record for Zotero</source>
        <translation>Экспорт описания для Zotero</translation>
    </message>
</context>
<context>
    <name>DeleteTextCommand</name>
    <message>
        <location filename="../../app/views/library_commands.py" line="22"/>
        <source>Delete “{0}”</source>
        <translation>Удалить «{0}»</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <location filename="../../app/views/details_dialog.py" line="43"/>
        <source>Text details</source>
        <translation>Сведения о тексте</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="48"/>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="49"/>
        <source>Bibliographic record</source>
        <translation>Библиографическое описание</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="67"/>
        <location filename="../../app/views/details_dialog.py" line="171"/>
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="68"/>
        <source>Author:</source>
        <translation>Автор:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="69"/>
        <source>Translator:</source>
        <translation>Переводчик:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="70"/>
        <location filename="../../app/views/details_dialog.py" line="162"/>
        <location filename="../../app/views/details_dialog.py" line="174"/>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="71"/>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="72"/>
        <source>Rights:</source>
        <translation>Права:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="79"/>
        <source>original</source>
        <translation>оригинал</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="80"/>
        <source>published translation</source>
        <translation>опубликованный перевод</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="81"/>
        <source>working translation</source>
        <translation>рабочий перевод</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="82"/>
        <source>back-translation</source>
        <translation>обратный перевод</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="87"/>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="89"/>
        <location filename="../../app/views/details_dialog.py" line="197"/>
        <source>Note:</source>
        <translation>Примечание:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="105"/>
        <source>Family, Given = Фамилия, Имя (one a line; a body in braces: {Sverka editors})</source>
        <translation>Фамилия, Имя = Family, Given (по одному в строке; организация в фигурных скобках: {редакция Sverka})</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="117"/>
        <source>Work</source>
        <translation>Произведение</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="121"/>
        <source>book</source>
        <translation>книга</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="121"/>
        <source>chapter of a book</source>
        <translation>глава книги</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="122"/>
        <source>journal article</source>
        <translation>статья в журнале</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="122"/>
        <source>newspaper article</source>
        <translation>статья в газете</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="123"/>
        <source>magazine article</source>
        <translation>статья в журнале (популярном)</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="123"/>
        <source>archival or unpublished document</source>
        <translation>архивный или неопубликованный документ</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="124"/>
        <source>document</source>
        <translation>документ</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="124"/>
        <source>web page</source>
        <translation>веб-страница</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="124"/>
        <source>report</source>
        <translation>доклад, отчёт</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="125"/>
        <source>thesis</source>
        <translation>диссертация</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="125"/>
        <source>speech</source>
        <translation>речь</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="125"/>
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="130"/>
        <source>Kind of publication:</source>
        <translation>Вид издания:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="131"/>
        <source>Authors:</source>
        <translation>Авторы:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="132"/>
        <source>Title (as printed):</source>
        <translation>Заглавие (как напечатано):</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="133"/>
        <source>Romanised title:</source>
        <translation>Заглавие латиницей:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="134"/>
        <source>Only if it must differ from the ALA-LC romanisation Sverka makes</source>
        <translation>Только если оно должно отличаться от латинизации ALA-LC, которую делает Sverka</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="135"/>
        <source>Title in English:</source>
        <translation>Заглавие по-английски:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="136"/>
        <source>Chicago prints it in brackets after a Russian title</source>
        <translation>Стиль Чикаго печатает его в квадратных скобках после русского заглавия</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="137"/>
        <source>Translators:</source>
        <translation>Переводчики:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="138"/>
        <source>Editors:</source>
        <translation>Редакторы:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="139"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="139"/>
        <source>ru or en</source>
        <translation>ru или en</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="140"/>
        <source>Genre:</source>
        <translation>Жанр:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="143"/>
        <source>Publication</source>
        <translation>Издание</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="145"/>
        <source>Journal or book:</source>
        <translation>Журнал или книга:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="146"/>
        <source>The journal of an article, the book of a chapter</source>
        <translation>Журнал, где напечатана статья, или книга, где напечатана глава</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="148"/>
        <source>Vol.</source>
        <translation>Т.</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="148"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="149"/>
        <source>Pages</source>
        <translation>Страницы</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="156"/>
        <source>Volume, issue, pages:</source>
        <translation>Том, номер, страницы:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="157"/>
        <source>Series:</source>
        <translation>Серия:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="158"/>
        <source>Number in the series:</source>
        <translation>Номер в серии:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="159"/>
        <source>Edition:</source>
        <translation>Издание (какое):</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="160"/>
        <location filename="../../app/views/details_dialog.py" line="172"/>
        <source>Publisher:</source>
        <translation>Издательство:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="161"/>
        <location filename="../../app/views/details_dialog.py" line="173"/>
        <location filename="../../app/views/details_dialog.py" line="180"/>
        <source>Place:</source>
        <translation>Место:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="162"/>
        <source>1931, 1931-04 or 1925-12-22</source>
        <translation>1931, 1931-04 или 1925-12-22</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="163"/>
        <source>ISBN:</source>
        <translation>ISBN:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="164"/>
        <source>DOI:</source>
        <translation>DOI:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="165"/>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="166"/>
        <source>Accessed:</source>
        <translation>Дата обращения:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="166"/>
        <source>The date you read the page: 2026-03-01</source>
        <translation>Когда вы читали страницу: 2026-03-01</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="169"/>
        <source>Original of a translation</source>
        <translation>Оригинал перевода</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="177"/>
        <source>Archive</source>
        <translation>Архив</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="179"/>
        <source>Archive:</source>
        <translation>Архив:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="179"/>
        <source>e.g. РГАСПИ</source>
        <translation>например, РГАСПИ</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="182"/>
        <source>fond</source>
        <translation>фонд</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="182"/>
        <source>opis</source>
        <translation>опись</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="182"/>
        <source>delo</source>
        <translation>дело</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="183"/>
        <source>list</source>
        <translation>лист</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="190"/>
        <source>Fond, opis, delo, list:</source>
        <translation>Фонд, опись, дело, лист:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="207"/>
        <source>How it is cited (bibliography)</source>
        <translation>Как это будет процитировано (список литературы)</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="213"/>
        <source>Chicago:</source>
        <translation>Чикаго:</translation>
    </message>
    <message>
        <location filename="../../app/views/details_dialog.py" line="214"/>
        <source>GOST:</source>
        <translation>ГОСТ:</translation>
    </message>
</context>
<context>
    <name>EditCommands</name>
    <message>
        <location filename="../../app/views/edit_commands.py" line="41"/>
        <source>Merge with the next bead</source>
        <translation>Объединить со следующей парой</translation>
    </message>
    <message>
        <location filename="../../app/views/edit_commands.py" line="42"/>
        <source>Merge with the previous bead</source>
        <translation>Объединить с предыдущей парой</translation>
    </message>
    <message>
        <location filename="../../app/views/edit_commands.py" line="43"/>
        <source>Split the bead</source>
        <translation>Разделить пару</translation>
    </message>
    <message>
        <location filename="../../app/views/edit_commands.py" line="44"/>
        <source>Set the bead&apos;s extent</source>
        <translation>Задать границы пары</translation>
    </message>
    <message>
        <location filename="../../app/views/edit_commands.py" line="45"/>
        <source>Move a sentence to the neighbouring bead</source>
        <translation>Перенести предложение в соседнюю пару</translation>
    </message>
    <message>
        <location filename="../../app/views/edit_commands.py" line="46"/>
        <source>Mark a sentence as having no counterpart</source>
        <translation>Отметить предложение без соответствия</translation>
    </message>
    <message>
        <location filename="../../app/views/edit_commands.py" line="47"/>
        <source>Confirm the bead</source>
        <translation>Подтвердить пару</translation>
    </message>
    <message>
        <location filename="../../app/views/edit_commands.py" line="48"/>
        <source>Confirm the beads up to here</source>
        <translation>Подтвердить пары до этого места</translation>
    </message>
    <message>
        <location filename="../../app/views/edit_commands.py" line="49"/>
        <source>Unconfirm the bead</source>
        <translation>Снять подтверждение</translation>
    </message>
    <message>
        <location filename="../../app/views/edit_commands.py" line="50"/>
        <source>Split the sentence</source>
        <translation>Разделить предложение</translation>
    </message>
    <message>
        <location filename="../../app/views/edit_commands.py" line="51"/>
        <source>Join the sentence with the next one</source>
        <translation>Соединить предложение со следующим</translation>
    </message>
    <message>
        <location filename="../../app/views/edit_commands.py" line="52"/>
        <source>Re-align the rest</source>
        <translation>Выровнять остальное заново</translation>
    </message>
</context>
<context>
    <name>EncodingDialog</name>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="20"/>
        <source>Cyrillic, Windows</source>
        <translation>кириллица, Windows</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="21"/>
        <source>Cyrillic, KOI8-R</source>
        <translation>кириллица, KOI8-R</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="22"/>
        <source>Cyrillic, DOS</source>
        <translation>кириллица, DOS</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="23"/>
        <source>Cyrillic, Mac</source>
        <translation>кириллица, Mac</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="24"/>
        <source>Cyrillic, ISO</source>
        <translation>кириллица, ISO</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="25"/>
        <source>Western European, Windows</source>
        <translation>западноевропейская, Windows</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="26"/>
        <source>Western European, ISO</source>
        <translation>западноевропейская, ISO</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="27"/>
        <source>Central European, Windows</source>
        <translation>центральноевропейская, Windows</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="28"/>
        <source>Central European, ISO</source>
        <translation>центральноевропейская, ISO</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="29"/>
        <source>Greek, Windows</source>
        <translation>греческая, Windows</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="30"/>
        <source>Greek, ISO</source>
        <translation>греческая, ISO</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="31"/>
        <source>Turkish, Windows</source>
        <translation>турецкая, Windows</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="32"/>
        <source>Hebrew, Windows</source>
        <translation>иврит, Windows</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="33"/>
        <source>Hebrew, ISO</source>
        <translation>иврит, ISO</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="34"/>
        <source>Arabic, Windows</source>
        <translation>арабская, Windows</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="35"/>
        <source>Arabic, ISO</source>
        <translation>арабская, ISO</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="36"/>
        <source>Baltic, Windows</source>
        <translation>балтийская, Windows</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="37"/>
        <source>Thai, Windows</source>
        <translation>тайская, Windows</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="49"/>
        <source>Which encoding?</source>
        <translation>Какая кодировка?</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="52"/>
        <source>Sverka cannot tell with confidence how “{0}” is encoded. Choose the reading in which the text makes sense:</source>
        <translation>Sverka не может уверенно определить кодировку «{0}». Выберите вариант, в котором текст читается осмысленно:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/encoding_dialog.py" line="67"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
</context>
<context>
    <name>EntryCard</name>
    <message>
        <location filename="../../app/views/glossary_popup.py" line="139"/>
        <source>See also:</source>
        <translation>См. также:</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_popup.py" line="142"/>
        <source>All occurrences…</source>
        <translation>Все вхождения…</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_popup.py" line="143"/>
        <source>Every sentence of the library with this term, beside its translation</source>
        <translation>Все предложения библиотеки с этим термином — рядом с переводом</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_popup.py" line="214"/>
        <source>Source: your own entry</source>
        <translation>Источник: ваша статья</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_popup.py" line="216"/>
        <source>Source: Sverka editors (written by the project, not taken from a book)</source>
        <translation>Источник: редакция Sverka (написано проектом, не взято из книги)</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_popup.py" line="217"/>
        <source>Source: {0}</source>
        <translation>Источник: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_popup.py" line="221"/>
        <source>institution</source>
        <translation>учреждение</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_popup.py" line="221"/>
        <source>territorial unit</source>
        <translation>административная единица</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_popup.py" line="222"/>
        <source>economic term</source>
        <translation>экономический термин</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_popup.py" line="222"/>
        <source>political term</source>
        <translation>политический термин</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_popup.py" line="223"/>
        <source>political group</source>
        <translation>политическая группа</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_popup.py" line="223"/>
        <source>slogan</source>
        <translation>лозунг</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_popup.py" line="224"/>
        <source>publication</source>
        <translation>издание</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_popup.py" line="224"/>
        <source>event</source>
        <translation>событие</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_popup.py" line="224"/>
        <source>person</source>
        <translation>лицо</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_popup.py" line="225"/>
        <source>other</source>
        <translation>другое</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../../app/views/export_action.py" line="146"/>
        <source>Replace the file?</source>
        <translation>Заменить файл?</translation>
    </message>
    <message>
        <location filename="../../app/views/export_action.py" line="147"/>
        <source>{0} already exists. Replace it with this export?</source>
        <translation>{0} уже существует. Заменить его этим экспортом?</translation>
    </message>
    <message>
        <location filename="../../app/views/export_action.py" line="149"/>
        <source>Not exported: {0} was left as it was.</source>
        <translation>Экспорт не выполнен: файл {0} оставлен как был.</translation>
    </message>
    <message>
        <location filename="../../app/views/export_action.py" line="159"/>
        <source>Exporting {0}…</source>
        <translation>Экспорт {0}…</translation>
    </message>
    <message>
        <location filename="../../app/views/export_action.py" line="165"/>
        <source>Exported to {0}</source>
        <translation>Экспортировано в {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/export_action.py" line="169"/>
        <source>Not exported</source>
        <translation>Экспорт не выполнен</translation>
    </message>
    <message>
        <location filename="../../app/views/export_action.py" line="178"/>
        <source>Export to</source>
        <translation>Экспортировать в</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../app/dialogs/export_dialog.py" line="41"/>
        <source>TMX — translation memory</source>
        <translation>TMX — память переводов</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/export_dialog.py" line="42"/>
        <source>TSV — tab-separated table</source>
        <translation>TSV — таблица с табуляциями</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/export_dialog.py" line="43"/>
        <source>CSV — spreadsheet table</source>
        <translation>CSV — таблица для электронных таблиц</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/export_dialog.py" line="44"/>
        <source>HTML — web page</source>
        <translation>HTML — веб-страница</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/export_dialog.py" line="45"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/export_dialog.py" line="46"/>
        <source>Plain text</source>
        <translation>Простой текст</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/export_dialog.py" line="47"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/export_dialog.py" line="48"/>
        <source>Word document (DOCX)</source>
        <translation>Документ Word (DOCX)</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/export_dialog.py" line="119"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/export_dialog.py" line="125"/>
        <source>What to export:</source>
        <translation>Что экспортировать:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/export_dialog.py" line="129"/>
        <source>The selected beads</source>
        <translation>Выделенные пары</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/export_dialog.py" line="130"/>
        <source>One bookmark:</source>
        <translation>Одна закладка:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/export_dialog.py" line="131"/>
        <source>All bookmarks with the tag:</source>
        <translation>Все закладки с меткой:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/export_dialog.py" line="132"/>
        <source>A whole aligned text:</source>
        <translation>Весь выровненный текст:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/export_dialog.py" line="134"/>
        <source>{0}, beads {1}–{2}</source>
        <translation>{0}, пары {1}–{2}</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/export_dialog.py" line="136"/>
        <source>(select beads in an aligned pair first)</source>
        <translation>(сначала выделите пары в выровненной паре)</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/export_dialog.py" line="174"/>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/export_dialog.py" line="181"/>
        <source>Every export cites its texts (work, author, date, source, translator, beads) and labels texts written by Sverka&apos;s editors as such.</source>
        <translation>Каждый экспорт указывает свои тексты (произведение, автор, дата, источник, переводчик, пары) и помечает тексты, написанные редакцией Sverka.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/export_dialog.py" line="189"/>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../app/views/find_bar.py" line="20"/>
        <source>Find in this text</source>
        <translation>Найти в этом тексте</translation>
    </message>
    <message>
        <location filename="../../app/views/find_bar.py" line="25"/>
        <source>Previous match (Shift+F3)</source>
        <translation>Предыдущее совпадение (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../app/views/find_bar.py" line="27"/>
        <source>Next match (F3, Enter)</source>
        <translation>Следующее совпадение (F3, Enter)</translation>
    </message>
    <message>
        <location filename="../../app/views/find_bar.py" line="29"/>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/views/find_bar.py" line="68"/>
        <source>No matches</source>
        <translation>Не найдено</translation>
    </message>
    <message>
        <location filename="../../app/views/find_bar.py" line="70"/>
        <source>{0} of {1}</source>
        <translation>{0} из {1}</translation>
    </message>
</context>
<context>
    <name>GlossaryEntryDialog</name>
    <message>
        <location filename="../../app/dialogs/glossary_entry_dialog.py" line="40"/>
        <source>Edit glossary entry</source>
        <translation>Изменить статью глоссария</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/glossary_entry_dialog.py" line="40"/>
        <source>New glossary entry</source>
        <translation>Новая статья глоссария</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/glossary_entry_dialog.py" line="44"/>
        <source>kolkhozes; kolkhozy</source>
        <translation>kolkhozes; kolkhozy</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/glossary_entry_dialog.py" line="46"/>
        <source>колхоз; коллективное хозяйство</source>
        <translation>колхоз; коллективное хозяйство</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/glossary_entry_dialog.py" line="59"/>
        <source>ids of other entries: sovkhoz; wholesale-collectivization</source>
        <translation>идентификаторы других статей: sovkhoz; wholesale-collectivization</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/glossary_entry_dialog.py" line="61"/>
        <source>English headword:</source>
        <translation>Английское заглавие:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/glossary_entry_dialog.py" line="62"/>
        <source>Other English forms:</source>
        <translation>Другие английские формы:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/glossary_entry_dialog.py" line="63"/>
        <source>Russian forms:</source>
        <translation>Русские формы:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/glossary_entry_dialog.py" line="64"/>
        <source>Transliteration:</source>
        <translation>Транслитерация:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/glossary_entry_dialog.py" line="65"/>
        <source>Category:</source>
        <translation>Категория:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/glossary_entry_dialog.py" line="66"/>
        <source>Dates:</source>
        <translation>Даты:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/glossary_entry_dialog.py" line="67"/>
        <source>Definition:</source>
        <translation>Определение:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/glossary_entry_dialog.py" line="68"/>
        <source>Biography:</source>
        <translation>Биография:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/glossary_entry_dialog.py" line="69"/>
        <source>Related entries:</source>
        <translation>Связанные статьи:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/glossary_entry_dialog.py" line="70"/>
        <source>Separate several forms with semicolons. Inflected forms are found by themselves. Your entries are kept when the bundled glossary is updated.</source>
        <translation>Несколько форм разделяйте точкой с запятой. Падежные формы находятся сами. Ваши статьи сохраняются при обновлении встроенного глоссария.</translation>
    </message>
</context>
<context>
    <name>GlossaryPanel</name>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="85"/>
        <source>Find a term (Russian or English)</source>
        <translation>Найти термин (по-русски или по-английски)</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="90"/>
        <source>All categories</source>
        <translation>Все категории</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="95"/>
        <source>Your entries</source>
        <translation>Ваши статьи</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="130"/>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="131"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="132"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="133"/>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="134"/>
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="140"/>
        <source>Edit this entry; an edited bundled entry becomes your own</source>
        <translation>Изменить статью; изменённая встроенная статья становится вашей</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="141"/>
        <source>Delete your own entry (bundled entries cannot be deleted)</source>
        <translation>Удалить вашу статью (встроенные статьи удалить нельзя)</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="220"/>
        <source>{0} of {1} entries</source>
        <translation>{0} из {1} статей</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="239"/>
        <source>Choose an entry to see it in full.</source>
        <translation>Выберите статью, чтобы увидеть её полностью.</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="247"/>
        <source>Open a text to see where this term occurs in it.</source>
        <translation>Откройте текст, чтобы увидеть, где в нём встречается термин.</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="259"/>
        <source>In {0} sentences of the open text (click to go there):</source>
        <translation>В открытом тексте предложений: {0} (щелчок — перейти):</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="261"/>
        <source>Not found in the open text.</source>
        <translation>В открытом тексте не встречается.</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="291"/>
        <location filename="../../app/views/glossary_panel.py" line="334"/>
        <source>Glossary</source>
        <translation>Глоссарий</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="301"/>
        <source>Delete entry</source>
        <translation>Удалить статью</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="301"/>
        <source>Delete your entry “{0}”?</source>
        <translation>Удалить вашу статью «{0}»?</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="318"/>
        <source>Export failed</source>
        <translation>Экспорт не удался</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="330"/>
        <source>Import failed</source>
        <translation>Импорт не удался</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="334"/>
        <source>Imported {0} entries as your own.</source>
        <translation>Импортировано статей: {0} (как ваши).</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="349"/>
        <source>Export the glossary</source>
        <translation>Экспорт глоссария</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="350"/>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="354"/>
        <source>Import glossary entries</source>
        <translation>Импорт статей глоссария</translation>
    </message>
    <message>
        <location filename="../../app/views/glossary_panel.py" line="355"/>
        <source>Glossary files (*.json *.csv)</source>
        <translation>Файлы глоссария (*.json *.csv)</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../app/views/help.py" line="169"/>
        <source>Sverka user guide</source>
        <translation>Руководство Sverka</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../app/views/help.py" line="49"/>
        <source>Previous / next bead (row)</source>
        <translation>Предыдущая / следующая строка пары</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="50"/>
        <source>Select several beads</source>
        <translation>Выделить несколько строк</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="51"/>
        <source>Previous / next screen</source>
        <translation>Предыдущий / следующий экран</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="52"/>
        <source>Start / end of the text</source>
        <translation>Начало / конец текста</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="53"/>
        <source>Previous / next sentence in the bead</source>
        <translation>Предыдущее / следующее предложение строки</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="54"/>
        <source>Show the glossary entry of a term in the current sentence (again: the next term)</source>
        <translation>Показать статью глоссария для термина текущего предложения (ещё раз — следующий термин)</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="55"/>
        <source>Close a popup or the find bar</source>
        <translation>Закрыть всплывающее окно или строку поиска</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="56"/>
        <source>Move the keyboard focus between the side panel and the reader</source>
        <translation>Перевести клавиатуру между боковой панелью и читателем</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="99"/>
        <source>Reader</source>
        <translation>Читатель</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="102"/>
        <source>Window</source>
        <translation>Окно</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="184"/>
        <source>Sverka {0}</source>
        <translation>Sverka {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="185"/>
        <source>Read Russian originals of Soviet history beside their English translations, sentence by sentence.</source>
        <translation>Русские оригиналы по советской истории рядом с их английскими переводами, предложение за предложением.</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="186"/>
        <source>Licence: MIT.</source>
        <translation>Лицензия: MIT.</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="188"/>
        <source>Python {0}, Qt {1}, on {2}</source>
        <translation>Python {0}, Qt {1}, {2}</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="190"/>
        <source>The bundled texts: where they come from and their rights</source>
        <translation>Тексты в поставке: откуда они и на каких правах</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="199"/>
        <source>Source: {0}</source>
        <translation>Источник: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="201"/>
        <source>Rights: {0}</source>
        <translation>Права: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="202"/>
        <source>Libraries Sverka uses (version, licence as each states it)</source>
        <translation>Библиотеки, на которых построена Sverka (версия и лицензия, как указано в каждой)</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="203"/>
        <source>licence not stated</source>
        <translation>лицензия не указана</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../app/views/help.py" line="235"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="236"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="239"/>
        <source>User &amp;guide</source>
        <translation>&amp;Руководство</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="242"/>
        <source>&amp;About Sverka</source>
        <translation>&amp;О программе Sverka</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="66"/>
        <location filename="../../app/dialogs/import_dialog.py" line="135"/>
        <source>Import a text</source>
        <translation>Импорт текста</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="70"/>
        <source>Browse…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="75"/>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="77"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="78"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="79"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="81"/>
        <source>from the file if left empty</source>
        <translation>из файла, если не заполнено</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="82"/>
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="84"/>
        <source>Author:</source>
        <translation>Автор:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="89"/>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="91"/>
        <source>Translator:</source>
        <translation>Переводчик:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="93"/>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="95"/>
        <source>edition, archive or web address</source>
        <translation>издание, архив или веб-адрес</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="96"/>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="98"/>
        <source>Rights:</source>
        <translation>Права:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="100"/>
        <source>A new work</source>
        <translation>Новое произведение</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="103"/>
        <source>Work:</source>
        <translation>Произведение:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="105"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="144"/>
        <source>choose a file first</source>
        <translation>сначала выберите файл</translation>
    </message>
</context>
<context>
    <name>ImportRetry</name>
    <message>
        <location filename="../../app/views/import_retry.py" line="38"/>
        <source>This text is already in the library as “{0}”. Use it as the replacement anyway?</source>
        <translation>Этот текст уже есть в библиотеке как «{0}». Всё равно использовать его для замены?</translation>
    </message>
    <message>
        <location filename="../../app/views/import_retry.py" line="39"/>
        <source>This text is already in the library as “{0}”. Import a second copy?</source>
        <translation>Этот текст уже есть в библиотеке как «{0}». Импортировать ещё одну копию?</translation>
    </message>
    <message>
        <location filename="../../app/views/import_retry.py" line="40"/>
        <source>Already in the library</source>
        <translation>Уже в библиотеке</translation>
    </message>
    <message>
        <location filename="../../app/views/import_retry.py" line="44"/>
        <source>Use it anyway?</source>
        <translation>Всё равно использовать?</translation>
    </message>
    <message>
        <location filename="../../app/views/import_retry.py" line="44"/>
        <source>Import it anyway?</source>
        <translation>Всё равно импортировать?</translation>
    </message>
    <message>
        <location filename="../../app/views/import_retry.py" line="45"/>
        <source>Check the language</source>
        <translation>Проверьте язык</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../app/models/library_model.py" line="19"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="20"/>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="21"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="22"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="23"/>
        <source>Sentences</source>
        <translation>Предложений</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="24"/>
        <source>Alignment</source>
        <translation>Выравнивание</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="25"/>
        <source>Read</source>
        <translation>Прочитано</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="26"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="27"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="28"/>
        <source>original</source>
        <translation>оригинал</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="29"/>
        <source>published translation</source>
        <translation>опубликованный перевод</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="30"/>
        <source>working translation</source>
        <translation>рабочий перевод</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="31"/>
        <source>back-translation</source>
        <translation>обратный перевод</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="32"/>
        <source>{s} sentences</source>
        <translation>предложений: {s}</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="33"/>
        <source>not aligned</source>
        <translation>не выровнен</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="34"/>
        <source>aligned</source>
        <translation>выровнен</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="35"/>
        <source>↔ {lang}</source>
        <translation>↔ {lang}</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="36"/>
        <source>{p} paragraphs, {s} sentences, {c} characters</source>
        <translation>абзацев: {p}, предложений: {s}, знаков: {c}</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="37"/>
        <source>Author: {a}</source>
        <translation>Автор: {a}</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="38"/>
        <source>Translator: {t}</source>
        <translation>Переводчик: {t}</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="39"/>
        <source>Date: {d}</source>
        <translation>Дата: {d}</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="40"/>
        <source>Source: {s}</source>
        <translation>Источник: {s}</translation>
    </message>
    <message>
        <location filename="../../app/models/library_model.py" line="41"/>
        <source>Aligned with text {i}</source>
        <translation>Выровнен с текстом {i}</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../../app/views/library_view.py" line="31"/>
        <source>Library</source>
        <translation>Библиотека</translation>
    </message>
</context>
<context>
    <name>LocateDialog</name>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="75"/>
        <source>Find a quotation in the original</source>
        <translation>Найти цитату в оригинале</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="86"/>
        <source> (aligned)</source>
        <translation> (выровнен)</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="90"/>
        <source>Russian text:</source>
        <translation>Русский текст:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="92"/>
        <source>Paste the English quotation here, e.g. from a book about the text</source>
        <translation>Вставьте английскую цитату, например из книги о тексте</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="95"/>
        <source>Quotation:</source>
        <translation>Цитата:</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="110"/>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="112"/>
        <location filename="../../app/dialogs/locate_dialog.py" line="254"/>
        <source>&amp;Open there</source>
        <translation>&amp;Открыть там</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="125"/>
        <source>There is no Russian text in the library to search.</source>
        <translation>В библиотеке нет русского текста для поиска.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="173"/>
        <source>Preparing the search by meaning was cancelled.</source>
        <translation>Подготовка поиска по смыслу отменена.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="174"/>
        <source>The search by meaning failed: {0}</source>
        <translation>Поиск по смыслу не удался: {0}</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="178"/>
        <source>Reading the meaning of the text&apos;s sentences (once per text)…</source>
        <translation>Чтение смысла предложений текста (один раз для каждого текста)…</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="181"/>
        <source>Preparing “{0}” for finding quotations by meaning (once per text)</source>
        <translation>Подготовка «{0}» к поиску цитат по смыслу (один раз для каждого текста)</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="208"/>
        <source>The search was cancelled.</source>
        <translation>Поиск отменён.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="209"/>
        <source>The search failed: {0}</source>
        <translation>Поиск не удался: {0}</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="215"/>
        <source>Searching…</source>
        <translation>Идёт поиск…</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="223"/>
        <source>Finding the quotation in “{0}”</source>
        <translation>Поиск цитаты в «{0}»</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="232"/>
        <source>Nothing to compare: the quotation has no words, or the text is empty.</source>
        <translation>Сравнивать нечего: в цитате нет слов или текст пуст.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="238"/>
        <source>sentence {0}</source>
        <translation>предложение {0}</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="239"/>
        <source>sentences {0}–{1}</source>
        <translation>предложения {0}–{1}</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="241"/>
        <source>Found: {0} (score {1:.2f}).</source>
        <translation>Найдено: {0} (оценка {1:.2f}).</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="244"/>
        <source>Not found: no passage scores {0:.2f} or more. The closest, {1} (score {2:.2f}), may or may not be the one quoted; check it before citing it.</source>
        <translation>Не найдено: ни один отрывок не набирает {0:.2f}. Ближайший, {1} (оценка {2:.2f}), может быть, а может и не быть цитируемым; проверьте его, прежде чем ссылаться.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="248"/>
        <source>(Compared by shared words only.)</source>
        <translation>(Сравнение только по общим словам.)</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="251"/>
        <source>The quotation most likely renders this part of it: {0}</source>
        <translation>Цитата, по всей видимости, передаёт эту часть предложения: {0}</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="253"/>
        <source>Aligned English: {0}</source>
        <translation>Выровненный английский: {0}</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/locate_dialog.py" line="254"/>
        <source>&amp;Open the closest passage</source>
        <translation>&amp;Открыть ближайший отрывок</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/views/main_window.py" line="73"/>
        <location filename="../../app/views/main_window.py" line="377"/>
        <source>Sverka</source>
        <translation>Sverka</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="92"/>
        <source>Library</source>
        <translation>Библиотека</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="93"/>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="95"/>
        <source>Bookmarks</source>
        <translation>Закладки</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="99"/>
        <source>Contents</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="119"/>
        <source>Sverka — read-only library</source>
        <translation>Sverka — библиотека только для чтения</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="120"/>
        <source>Read-only: changes cannot be saved</source>
        <translation>Только чтение: изменения не сохранить</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="121"/>
        <source>The library file or its folder cannot be written. You can read and search it; bookmarks, edits and imports are refused.</source>
        <translation>В файл библиотеки или в его папку нельзя записывать. Читать и искать можно; закладки, правки и импорт не принимаются.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="182"/>
        <location filename="../../app/views/main_window.py" line="625"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="183"/>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="184"/>
        <source>Import an &amp;aligned pair…</source>
        <translation>Импорт &amp;выровненной пары…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="186"/>
        <source>A pair aligned elsewhere or exported by Sverka: TMX, TSV, CSV, LF Aligner .txt, InterText .xml</source>
        <translation>Пара, выровненная в другой программе или экспортированная из Sverka: TMX, TSV, CSV, .txt LF Aligner, .xml InterText</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="187"/>
        <source>&amp;Restore bundled texts</source>
        <translation>&amp;Вернуть встроенные тексты</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="188"/>
        <source>Restore from &amp;backup…</source>
        <translation>Восстановить из &amp;резервной копии…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="189"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="190"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="198"/>
        <location filename="../../app/views/main_window.py" line="621"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="199"/>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="201"/>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="203"/>
        <source>&amp;Find in text…</source>
        <translation>&amp;Найти в тексте…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="206"/>
        <source>&amp;Search the library…</source>
        <translation>&amp;Поиск по библиотеке…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="208"/>
        <source>&amp;Go to…</source>
        <translation>&amp;Перейти…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="209"/>
        <source>Find a &amp;quotation in the original…</source>
        <translation>Найти &amp;цитату в оригинале…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="214"/>
        <location filename="../../app/views/main_window.py" line="697"/>
        <location filename="../../app/views/main_window.py" line="713"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="217"/>
        <source>&amp;Side by side</source>
        <translation>&amp;Параллельно</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="218"/>
        <source>&amp;Interlinear</source>
        <translation>&amp;Подстрочно</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="219"/>
        <source>&amp;Russian only</source>
        <translation>Только &amp;русский</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="220"/>
        <source>&amp;English only</source>
        <translation>Только &amp;английский</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="229"/>
        <source>S&amp;wap columns</source>
        <translation>Поменять &amp;колонки</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="234"/>
        <source>&amp;Page numbers in the margin</source>
        <translation>&amp;Номера страниц на полях</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="238"/>
        <source>Translation &amp;map beside the scroll bar</source>
        <translation>&amp;Карта перевода у полосы прокрутки</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="240"/>
        <source>Omissions, additions, merges, unsure beads, bookmarks and search hits of the whole text, in a strip beside the scroll bar</source>
        <translation>Пропуски, добавления, слияния, сомнительные пары, закладки и найденное во всём тексте — на полоске у полосы прокрутки</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="243"/>
        <source>Translation map &amp;legend…</source>
        <translation>&amp;Условные обозначения карты перевода…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="247"/>
        <source>&amp;Table of contents</source>
        <translation>&amp;Оглавление</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="250"/>
        <source>C&amp;hapters</source>
        <translation>&amp;Главы</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="252"/>
        <source>&amp;Library panel</source>
        <translation>Панель &amp;библиотеки</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="257"/>
        <location filename="../../app/views/main_window.py" line="629"/>
        <source>&amp;Text</source>
        <translation>&amp;Текст</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="258"/>
        <source>&amp;Rename…</source>
        <translation>П&amp;ереименовать…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="259"/>
        <source>Edit &amp;details…</source>
        <translation>&amp;Сведения о тексте…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="260"/>
        <source>&amp;Align with…</source>
        <translation>&amp;Выровнять с…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="261"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="337"/>
        <source>{0} texts in {1} works — {2}</source>
        <translation>Текстов: {0}, произведений: {1} — {2}</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="349"/>
        <source>Setting up the library…</source>
        <translation>Подготовка библиотеки…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="491"/>
        <source>Aligned again; the {0} beads you confirmed or edited were kept.</source>
        <translation>Выровнено заново; подтверждённые или исправленные вами пары ({0}) сохранены.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="503"/>
        <source>Align again</source>
        <translation>Выровнять заново</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="506"/>
        <source>This pair is aligned already, and you confirmed or edited {0} of its beads. Keep them as fixed points and align only the rest, or discard your review and align from scratch?</source>
        <translation>Эта пара уже выровнена, и вы подтвердили или исправили {0} её пар. Сохранить их как опорные точки и выровнять только остальное или отбросить проверку и выровнять заново?</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="509"/>
        <source>Keep my {0} beads</source>
        <translation>Сохранить мои пары ({0})</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="509"/>
        <source>Discard them…</source>
        <translation>Отбросить их…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="515"/>
        <source>Discard the {0} beads you confirmed or edited? This cannot be undone.</source>
        <translation>Отбросить подтверждённые или исправленные вами пары ({0})? Это нельзя отменить.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="562"/>
        <source>Import an aligned pair</source>
        <translation>Импорт выровненной пары</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="563"/>
        <source>Aligned pairs (*.tmx *.tsv *.tab *.txt *.csv *.xml);;All files (*)</source>
        <translation>Выровненные пары (*.tmx *.tsv *.tab *.txt *.csv *.xml);;Все файлы (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/main_window.py" line="569"/>
        <source>Imported the aligned pair: %n bead(s).</source>
        <translation>
            <numerusform>Выровненная пара импортирована: %n пара.</numerusform>
            <numerusform>Выровненная пара импортирована: %n пары.</numerusform>
            <numerusform>Выровненная пара импортирована: %n пар.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="618"/>
        <source>&amp;Bookmark the selection…</source>
        <translation>&amp;Закладка на выделенное…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="620"/>
        <source>Show &amp;bookmarks</source>
        <translation>Показать &amp;закладки</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="624"/>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="627"/>
        <source>Re&amp;place with another text…</source>
        <translation>За&amp;менить другим текстом…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="628"/>
        <source>Put the real text in place of a working translation or back-translation</source>
        <translation>Поставить подлинный текст на место рабочего или обратного перевода</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="686"/>
        <source>Glossary</source>
        <translation>Глоссарий</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="696"/>
        <source>&amp;Glossary</source>
        <translation>&amp;Глоссарий</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="723"/>
        <source>Switch between the panel and the reader</source>
        <translation>Переключиться между панелью и читателем</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="738"/>
        <source>Show or hide the side panel (F9)</source>
        <translation>Показать или скрыть боковую панель (F9)</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="751"/>
        <source>Theme: light, sepia, dark, or as the system</source>
        <translation>Тема: светлая, сепия, тёмная или как в системе</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="755"/>
        <source>Help: shortcuts (F1), guide, about</source>
        <translation>Справка: сочетания клавиш (F1), руководство, о программе</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="773"/>
        <source>Text size {0}: click for the original size</source>
        <translation>Размер текста {0}: щелчок — исходный размер</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="825"/>
        <source>Indexing glossary terms…</source>
        <translation>Индексирование терминов глоссария…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="904"/>
        <source>Restore from backup</source>
        <translation>Восстановить из резервной копии</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="905"/>
        <source>Put the library back as it was on {0}? Everything done since then is set aside in a backup of its own.</source>
        <translation>Вернуть библиотеку в состояние на {0}? Всё, что сделано с тех пор, будет сохранено в отдельной резервной копии.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="922"/>
        <source>Restored. The library as it was before is kept as the backup {0}.</source>
        <translation>Восстановлено. Прежнее состояние библиотеки сохранено в резервной копии {0}.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="359"/>
        <source>Restoring the bundled texts…</source>
        <translation>Восстановление встроенных текстов…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="377"/>
        <source>{0} — Sverka</source>
        <translation>{0} — Sverka</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="416"/>
        <source>Rename text</source>
        <translation>Переименовать текст</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="416"/>
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="428"/>
        <source>Delete text</source>
        <translation>Удалить текст</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="429"/>
        <source>Delete “{0}” and its alignments from the library?

Edit → Undo brings it back.</source>
        <translation>Удалить «{0}» и его выравнивания из библиотеки?

Правка → Отменить вернёт его.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="433"/>
        <source>Deleted “{0}”. Press Ctrl+Z to undo.</source>
        <translation>«{0}» удалён. Ctrl+Z — отменить.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="468"/>
        <location filename="../../app/views/main_window.py" line="472"/>
        <source>Align with…</source>
        <translation>Выровнять с…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="468"/>
        <source>There is no text in the other language to align with.</source>
        <translation>В библиотеке нет текста на другом языке для выравнивания.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="472"/>
        <source>Align “{0}” with:</source>
        <translation>Выровнять «{0}» с:</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="496"/>
        <source>Aligning {0}…</source>
        <translation>Выравнивание: {0}…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="537"/>
        <location filename="../../app/views/main_window.py" line="552"/>
        <location filename="../../app/views/main_window.py" line="585"/>
        <source>Importing {0}…</source>
        <translation>Импорт: {0}…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="594"/>
        <source>Imported: {0} paragraphs, {1} sentences.</source>
        <translation>Импортировано: абзацев — {0}, предложений — {1}.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="578"/>
        <source>Already in the library</source>
        <translation>Уже в библиотеке</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="579"/>
        <source>This text is already in the library as “{0}”. Import a second copy?</source>
        <translation>Этот текст уже есть в библиотеке как «{0}». Импортировать ещё одну копию?</translation>
    </message>
</context>
<context>
    <name>MapLegendDialog</name>
    <message>
        <location filename="../../app/dialogs/map_legend_dialog.py" line="19"/>
        <source>Translation map</source>
        <translation>Карта перевода</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/map_legend_dialog.py" line="22"/>
        <source>The strip beside the scroll bar draws the whole text; a mark sits where the scroll bar&apos;s handle is when its bead is on screen. Click or drag on it to go there. Lanes, left to right: what the translation did, unsure beads, bookmarks, search hits.</source>
        <translation>Полоска у полосы прокрутки показывает весь текст: метка стоит там, где находится ползунок, когда её пара на экране. Щёлкните или проведите по полоске, чтобы перейти туда. Дорожки слева направо: что сделал перевод, сомнительные пары, закладки, найденное.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/map_legend_dialog.py" line="68"/>
        <source>{0} — {1} in this text</source>
        <translation>{0} — в этом тексте: {1}</translation>
    </message>
</context>
<context>
    <name>NotePopup</name>
    <message>
        <location filename="../../app/views/note_popup.py" line="77"/>
        <source>Note {0}</source>
        <translation>Примечание {0}</translation>
    </message>
</context>
<context>
    <name>ReaderAccessibility</name>
    <message>
        <location filename="../../app/views/reader_accessibility.py" line="50"/>
        <source>Reader</source>
        <translation>Читатель</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_accessibility.py" line="52"/>
        <source>Reader: no text open</source>
        <translation>Читатель: текст не открыт</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_accessibility.py" line="55"/>
        <source>{0} — bead {1} of {2}</source>
        <translation>{0} — строка {1} из {2}</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_accessibility.py" line="57"/>
        <source>{0} — paragraph {1} of {2}</source>
        <translation>{0} — абзац {1} из {2}</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_accessibility.py" line="58"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_accessibility.py" line="58"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message>
        <location filename="../../app/views/reader_pane.py" line="170"/>
        <source>RU</source>
        <translation>RU</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="170"/>
        <source>Russian only</source>
        <translation>Только русский</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="171"/>
        <source>EN</source>
        <translation>EN</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="171"/>
        <source>English only</source>
        <translation>Только английский</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="181"/>
        <source>Swap the columns</source>
        <translation>Поменять колонки местами</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="168"/>
        <source>Side by side: Russian and English in two columns</source>
        <translation>Рядом: русский и английский в двух колонках</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="169"/>
        <source>Interlinear: each sentence with its translation below</source>
        <translation>Подстрочно: под каждым предложением — его перевод</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="188"/>
        <source>Review mode: show beads by the aligner&apos;s confidence (Ctrl+R)</source>
        <translation>Режим проверки: пары по уверенности выравнивания (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="215"/>
        <source>Choose a text in the library to read it.</source>
        <translation>Выберите текст в библиотеке, чтобы читать его.</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="250"/>
        <source>unsure</source>
        <translation>сомнительная</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="250"/>
        <source>The aligner is not sure of this bead: hover the orange bar to see why; N goes to the next one</source>
        <translation>Выравниватель не уверен в этой паре: наведите указатель на оранжевую полосу, чтобы узнать почему; N — к следующей</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="252"/>
        <source>confirmed</source>
        <translation>подтверждённая</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="252"/>
        <source>You confirmed this bead</source>
        <translation>Вы подтвердили эту пару</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="253"/>
        <source>edited</source>
        <translation>исправленная</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="253"/>
        <source>You made or changed this bead</source>
        <translation>Вы создали или изменили эту пару</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="364"/>
        <source>tr. {0}</source>
        <translation>пер. {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="368"/>
        <source>not aligned</source>
        <translation>не выровнен</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="376"/>
        <source>original</source>
        <translation>оригинал</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="377"/>
        <source>published translation</source>
        <translation>опубликованный перевод</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="378"/>
        <source>working translation</source>
        <translation>рабочий перевод</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="379"/>
        <source>back-translation</source>
        <translation>обратный перевод</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="385"/>
        <source>⚠ Reconstruction: the {0} text was written by Sverka&apos;s editors from the translation. It is not the author&apos;s words and must not be quoted as such. / Реконструкция: обратный перевод, выполненный редакцией Sverka; цитировать его как текст автора нельзя.</source>
        <translation>⚠ Реконструкция: {0} текст написан редакцией Sverka по переводу (обратный перевод). Это не слова автора, цитировать его как текст автора нельзя. / Reconstruction: not the author&apos;s words; do not quote it as such.</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="388"/>
        <location filename="../../app/views/reader_pane.py" line="392"/>
        <source>Russian</source>
        <translation>русский</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="388"/>
        <location filename="../../app/views/reader_pane.py" line="392"/>
        <source>English</source>
        <translation>английский</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="390"/>
        <source>⚠ Working translation: the {0} text is a working translation by Sverka&apos;s editors, not a published translation. / Рабочий перевод редакции Sverka, а не опубликованный перевод.</source>
        <translation>⚠ Рабочий перевод: {0} текст — рабочий перевод редакции Sverka, а не опубликованный перевод. / Working translation by Sverka&apos;s editors, not a published translation.</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="432"/>
        <source>Go to</source>
        <translation>Перейти</translation>
    </message>
    <message>
        <location filename="../../app/views/reader_pane.py" line="433"/>
        <source>Bead number (1–{0}), ¶ and a paragraph number (e.g. ¶12), or a printed page (e.g. p. 123):</source>
        <translation>Номер пары (1–{0}), ¶ и номер абзаца (например, ¶12) или страница издания (например, с. 123):</translation>
    </message>
</context>
<context>
    <name>ReaderRenderer</name>
    <message>
        <location filename="../../app/views/reader_render.py" line="191"/>
        <source>p. {0}</source>
        <translation>с. {0}</translation>
    </message>
</context>
<context>
    <name>ReadingControls</name>
    <message>
        <location filename="../../app/views/reading_controls.py" line="44"/>
        <source>&amp;Larger text</source>
        <translation>&amp;Крупнее</translation>
    </message>
    <message>
        <location filename="../../app/views/reading_controls.py" line="46"/>
        <source>&amp;Smaller text</source>
        <translation>&amp;Мельче</translation>
    </message>
    <message>
        <location filename="../../app/views/reading_controls.py" line="48"/>
        <source>&amp;Original size</source>
        <translation>&amp;Исходный размер</translation>
    </message>
    <message>
        <location filename="../../app/views/reading_controls.py" line="50"/>
        <source>&amp;Full screen</source>
        <translation>&amp;Полный экран</translation>
    </message>
    <message>
        <location filename="../../app/views/reading_controls.py" line="55"/>
        <source>Follow the &amp;system</source>
        <translation>Как в &amp;системе</translation>
    </message>
    <message>
        <location filename="../../app/views/reading_controls.py" line="55"/>
        <source>&amp;Light</source>
        <translation>&amp;Светлая</translation>
    </message>
    <message>
        <location filename="../../app/views/reading_controls.py" line="56"/>
        <source>S&amp;epia</source>
        <translation>С&amp;епия</translation>
    </message>
    <message>
        <location filename="../../app/views/reading_controls.py" line="56"/>
        <source>&amp;Dark</source>
        <translation>&amp;Тёмная</translation>
    </message>
    <message>
        <location filename="../../app/views/reading_controls.py" line="64"/>
        <source>Te&amp;xt and theme</source>
        <translation>&amp;Текст и тема</translation>
    </message>
    <message>
        <location filename="../../app/views/reading_controls.py" line="67"/>
        <source>&amp;Theme</source>
        <translation>&amp;Тема</translation>
    </message>
    <message>
        <location filename="../../app/views/reading_controls.py" line="70"/>
        <source>Line spacing, column &amp;width, margins…</source>
        <translation>Интервал, &amp;ширина колонки, поля…</translation>
    </message>
    <message>
        <location filename="../../app/views/reading_controls.py" line="101"/>
        <source>&amp;Original size ({0})</source>
        <translation>&amp;Исходный размер ({0})</translation>
    </message>
    <message>
        <location filename="../../app/views/reading_controls.py" line="102"/>
        <source>Text size {0}: back to 100 %</source>
        <translation>Размер текста {0}: вернуть 100 %</translation>
    </message>
</context>
<context>
    <name>RenderingsBox</name>
    <message>
        <location filename="../../app/views/renderings_box.py" line="42"/>
        <source>All occurrences</source>
        <translation>Все употребления</translation>
    </message>
    <message>
        <location filename="../../app/views/renderings_box.py" line="70"/>
        <source>Show only these occurrences</source>
        <translation>Показать только эти употребления</translation>
    </message>
    <message>
        <location filename="../../app/views/renderings_box.py" line="81"/>
        <source>Rendered in the English of “{0}”:</source>
        <translation>Передано в английском тексте «{0}»:</translation>
    </message>
    <message>
        <location filename="../../app/views/renderings_box.py" line="82"/>
        <source>Rendered in the Russian of “{0}”:</source>
        <translation>Передано в русском тексте «{0}»:</translation>
    </message>
    <message>
        <location filename="../../app/views/renderings_box.py" line="87"/>
        <source>not rendered {0}</source>
        <translation>не передано {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/renderings_box.py" line="89"/>
        <source>“{0}” {1}</source>
        <translation>«{0}» {1}</translation>
    </message>
</context>
<context>
    <name>ReplaceActions</name>
    <message>
        <location filename="../../app/views/replace_action.py" line="41"/>
        <source>back-translation</source>
        <translation>обратный перевод</translation>
    </message>
    <message>
        <location filename="../../app/views/replace_action.py" line="42"/>
        <source>working translation</source>
        <translation>рабочий перевод</translation>
    </message>
    <message>
        <location filename="../../app/views/replace_action.py" line="130"/>
        <source>Replacing {0}…</source>
        <translation>Замена {0}…</translation>
    </message>
    <message>
        <location filename="../../app/views/replace_action.py" line="147"/>
        <source>Text replaced</source>
        <translation>Текст заменён</translation>
    </message>
    <message>
        <location filename="../../app/views/replace_action.py" line="155"/>
        <source>The new text is aligned with the other side and open in the reader.</source>
        <translation>Новый текст выровнен с другой стороной и открыт в читалке.</translation>
    </message>
    <message>
        <location filename="../../app/views/replace_action.py" line="156"/>
        <source>“{0}” stays in the library as a {1}.</source>
        <translation>«{0}» остаётся в библиотеке как {1}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/replace_action.py" line="162"/>
        <source>%n bookmark moved to the new text.</source>
        <translation>
            <numerusform>%n закладка перенесена на новый текст.</numerusform>
            <numerusform>%n закладки перенесены на новый текст.</numerusform>
            <numerusform>%n закладок перенесено на новый текст.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/replace_action.py" line="164"/>
        <source>%n bookmarks moved to the new text.</source>
        <translation>
            <numerusform>%n закладка перенесена на новый текст.</numerusform>
            <numerusform>%n закладки перенесены на новый текст.</numerusform>
            <numerusform>%n закладок перенесено на новый текст.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/replace_action.py" line="167"/>
        <source>There were no bookmarks to move.</source>
        <translation>Переносить было нечего: закладок не было.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/replace_action.py" line="170"/>
        <source>%n bookmark needs your review (see the Bookmarks tab):</source>
        <translation>
            <numerusform>%n закладка требует проверки (см. вкладку «Закладки»):</numerusform>
            <numerusform>%n закладки требуют проверки (см. вкладку «Закладки»):</numerusform>
            <numerusform>%n закладок требуют проверки (см. вкладку «Закладки»):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/replace_action.py" line="172"/>
        <source>%n bookmarks need your review (see the Bookmarks tab):</source>
        <translation>
            <numerusform>%n закладка требует проверки (см. вкладку «Закладки»):</numerusform>
            <numerusform>%n закладки требуют проверки (см. вкладку «Закладки»):</numerusform>
            <numerusform>%n закладок требуют проверки (см. вкладку «Закладки»):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplaceDialog</name>
    <message>
        <location filename="../../app/views/replace_action.py" line="39"/>
        <source>back-translation</source>
        <translation>обратный перевод</translation>
    </message>
    <message>
        <location filename="../../app/views/replace_action.py" line="40"/>
        <source>working translation</source>
        <translation>рабочий перевод</translation>
    </message>
    <message>
        <location filename="../../app/views/replace_action.py" line="56"/>
        <source>Replace “{0}”</source>
        <translation>Замена «{0}»</translation>
    </message>
    <message>
        <location filename="../../app/views/replace_action.py" line="59"/>
        <source>“{0}” is a {1} written by Sverka&apos;s editors. The file you choose is imported into the same work and aligned with the other side; the stand-in stays in the library under its label, and your bookmarks move to the new text.</source>
        <translation>«{0}» — {1}, написанный редакцией Sverka. Выбранный файл будет импортирован в то же произведение и выровнен с другой стороной; замещающий текст останется в библиотеке со своей пометкой, а ваши закладки перейдут на новый текст.</translation>
    </message>
    <message>
        <location filename="../../app/views/replace_action.py" line="79"/>
        <source>Replace</source>
        <translation>Заменить</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../app/views/report_action.py" line="40"/>
        <source>Translation &amp;report…</source>
        <translation>Отчёт о &amp;переводе…</translation>
    </message>
    <message>
        <location filename="../../app/views/report_action.py" line="41"/>
        <source>Omissions, additions, length outliers and unsure beads of the pair, chapter by chapter</source>
        <translation>Пропуски, добавления, выбросы по длине и сомнительные пары — по главам</translation>
    </message>
    <message>
        <location filename="../../app/views/report_action.py" line="58"/>
        <source>Translation report</source>
        <translation>Отчёт о переводе</translation>
    </message>
    <message>
        <location filename="../../app/views/report_action.py" line="59"/>
        <source>Open an aligned pair (or select one of its texts in the library) first.</source>
        <translation>Сначала откройте выровненную пару (или выберите один из её текстов в библиотеке).</translation>
    </message>
    <message>
        <location filename="../../app/views/report_action.py" line="69"/>
        <source>Making the translation report…</source>
        <translation>Составляется отчёт о переводе…</translation>
    </message>
    <message>
        <location filename="../../app/views/report_action.py" line="74"/>
        <source>The translation report was cancelled.</source>
        <translation>Составление отчёта о переводе отменено.</translation>
    </message>
    <message>
        <location filename="../../app/views/report_action.py" line="110"/>
        <source>Replace the file?</source>
        <translation>Заменить файл?</translation>
    </message>
    <message>
        <location filename="../../app/views/report_action.py" line="111"/>
        <source>{0} already exists. Replace it with this report?</source>
        <translation>{0} уже существует. Заменить его этим отчётом?</translation>
    </message>
    <message>
        <location filename="../../app/views/report_action.py" line="113"/>
        <source>Not exported: {0} was left as it was.</source>
        <translation>Не экспортировано: {0} остался как был.</translation>
    </message>
    <message>
        <location filename="../../app/views/report_action.py" line="123"/>
        <source>Exporting {0}…</source>
        <translation>Экспорт {0}…</translation>
    </message>
    <message>
        <location filename="../../app/views/report_action.py" line="125"/>
        <source>Exported the report to {0}</source>
        <translation>Отчёт экспортирован в {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/report_action.py" line="131"/>
        <source>Not exported</source>
        <translation>Не экспортировано</translation>
    </message>
    <message>
        <location filename="../../app/views/report_action.py" line="140"/>
        <source>HTML page (*.html *.htm)</source>
        <translation>Страница HTML (*.html *.htm)</translation>
    </message>
    <message>
        <location filename="../../app/views/report_action.py" line="141"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../app/views/report_action.py" line="142"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/views/report_action.py" line="144"/>
        <source>Translation report — {0}</source>
        <translation>Отчёт о переводе — {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/report_action.py" line="146"/>
        <source>Export the report to</source>
        <translation>Экспортировать отчёт в</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../app/dialogs/report_dialog.py" line="62"/>
        <source>Translation report — {0}</source>
        <translation>Отчёт о переводе — {0}</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/report_dialog.py" line="69"/>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/report_dialog.py" line="70"/>
        <source>Save the report as an HTML page, Markdown or JSON</source>
        <translation>Сохранить отчёт как страницу HTML, Markdown или JSON</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <location filename="../../app/views/review_actions.py" line="78"/>
        <source>&amp;Next unsure bead</source>
        <translation>&amp;Следующая сомнительная пара</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="79"/>
        <source>&amp;Previous unsure bead</source>
        <translation>&amp;Предыдущая сомнительная пара</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="81"/>
        <source>&amp;Confirm the bead</source>
        <translation>&amp;Подтвердить пару</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="83"/>
        <source>Confirm all beads &amp;up to here</source>
        <translation>Подтвердить все пары &amp;до этого места</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="85"/>
        <source>&amp;Unconfirm the bead</source>
        <translation>Сн&amp;ять подтверждение</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="86"/>
        <source>&amp;Merge with the next bead</source>
        <translation>&amp;Объединить со следующей парой</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="87"/>
        <source>Merge with the p&amp;revious bead</source>
        <translation>Объединить с п&amp;редыдущей парой</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="89"/>
        <source>&amp;Split the bead…</source>
        <translation>&amp;Разделить пару…</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="90"/>
        <source>Set the bead&apos;s &amp;extent…</source>
        <translation>Задать &amp;границы пары…</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="92"/>
        <source>Choose where the bead ends on each side: it takes in the sentences of the beads after it, or gives some up</source>
        <translation>Выбрать, где кончается пара на каждой стороне: она вбирает предложения следующих пар или отдаёт часть своих</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="94"/>
        <source>Move the &amp;first sentence to the previous bead</source>
        <translation>Перенести &amp;первое предложение в предыдущую пару</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="96"/>
        <source>Move the &amp;last sentence to the next bead</source>
        <translation>Перенести последнее предложение в с&amp;ледующую пару</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="98"/>
        <source>Sentence has no &amp;counterpart</source>
        <translation>Предложение без &amp;соответствия</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="100"/>
        <source>Split the sen&amp;tence…</source>
        <translation>Разделить пр&amp;едложение…</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="102"/>
        <source>&amp;Join the sentence with the next one</source>
        <translation>&amp;Соединить предложение со следующим</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="104"/>
        <source>Re-&amp;align the rest</source>
        <translation>&amp;Выровнять остальное заново</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="105"/>
        <source>Align the unconfirmed beads again, keeping confirmed and edited beads</source>
        <translation>Заново выровнять неподтверждённые пары, сохранив подтверждённые и исправленные</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="106"/>
        <source>Next sentence in the bead</source>
        <translation>Следующее предложение пары</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="108"/>
        <source>Previous sentence in the bead</source>
        <translation>Предыдущее предложение пары</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="117"/>
        <source>&amp;Review mode</source>
        <translation>Режим &amp;проверки</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="125"/>
        <source>&amp;Alignment</source>
        <translation>&amp;Выравнивание</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="186"/>
        <source>{0} of {1} beads checked ({2}%) · {3} unsure</source>
        <translation>Проверено пар: {0} из {1} ({2}%) · сомнительных: {3}</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="196"/>
        <source>The share of the sentences (both languages) in confirmed or edited beads</source>
        <translation>Доля предложений (обоих языков) в подтверждённых или исправленных парах</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="206"/>
        <source>No unsure bead after this one.</source>
        <translation>Дальше сомнительных пар нет.</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="206"/>
        <source>No unsure bead before this one.</source>
        <translation>Раньше сомнительных пар нет.</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="321"/>
        <source>Set the bead&apos;s extent</source>
        <translation>Задать границы пары</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="324"/>
        <source>On each side, choose the first sentence after the bead; the bead takes in everything before it (Tab switches sides, Enter sets).</source>
        <translation>На каждой стороне выберите первое предложение после пары; пара вберёт всё, что выше (Tab — другая сторона, Enter — задать).</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="328"/>
        <source>Set</source>
        <translation>Задать</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="330"/>
        <source>— none: the bead takes in every sentence above</source>
        <translation>— нет: пара вбирает все предложения выше</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="358"/>
        <source>Only the first or the last sentence of a side can stand alone; move the cursor to one of them (Left/Right).</source>
        <translation>Отдельно может стоять только первое или последнее предложение стороны; переведите курсор на одно из них (←/→).</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="388"/>
        <source>Re-aligning the unconfirmed beads…</source>
        <translation>Повторное выравнивание неподтверждённых пар…</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="394"/>
        <source>Re-aligning changed nothing.</source>
        <translation>Повторное выравнивание ничего не изменило.</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="398"/>
        <source>Re-align the rest</source>
        <translation>Выровнять остальное заново</translation>
    </message>
    <message>
        <location filename="../../app/views/review_actions.py" line="400"/>
        <source>Re-aligned: {0} beads replaced by {1}.</source>
        <translation>Выровнено заново: {0} пар заменены на {1}.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../app/views/search_panel.py" line="126"/>
        <source>Search the library (Russian or English)</source>
        <translation>Поиск по библиотеке (по-русски или по-английски)</translation>
    </message>
    <message>
        <location filename="../../app/views/search_panel.py" line="173"/>
        <source>Nothing found.</source>
        <translation>Ничего не найдено.</translation>
    </message>
    <message>
        <location filename="../../app/views/search_panel.py" line="175"/>
        <source>{0} sentences found; the first {1} are shown.</source>
        <translation>Найдено предложений: {0}; показаны первые {1}.</translation>
    </message>
    <message>
        <location filename="../../app/views/search_panel.py" line="177"/>
        <source>{0} sentences found.</source>
        <translation>Найдено предложений: {0}.</translation>
    </message>
    <message>
        <location filename="../../app/views/search_panel.py" line="200"/>
        <source>Glossary term “{0}”: {1} sentences; the first {2} are shown.</source>
        <translation>Термин «{0}»: предложений {1}; показаны первые {2}.</translation>
    </message>
    <message>
        <location filename="../../app/views/search_panel.py" line="203"/>
        <source>Glossary term “{0}”: {1} sentences.</source>
        <translation>Термин «{0}»: предложений {1}.</translation>
    </message>
    <message>
        <location filename="../../app/views/search_panel.py" line="220"/>
        <source>Glossary term “{0}”, not rendered in the translation: {1} sentences.</source>
        <translation>Термин «{0}», не переданный в переводе: предложений {1}.</translation>
    </message>
    <message>
        <location filename="../../app/views/search_panel.py" line="223"/>
        <source>Glossary term “{0}” rendered as “{1}”: {2} sentences.</source>
        <translation>Термин «{0}», переданный как «{1}»: предложений {2}.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="46"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="51"/>
        <source>Reading</source>
        <translation>Чтение</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="54"/>
        <source>Russian text</source>
        <translation>Русский текст</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="54"/>
        <source>English text</source>
        <translation>Английский текст</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="58"/>
        <source>Default ({0})</source>
        <translation>По умолчанию ({0})</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="75"/>
        <source>Line spacing</source>
        <translation>Межстрочный интервал</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="77"/>
        <location filename="../../app/views/settings_dialog.py" line="81"/>
        <source> px</source>
        <translation> пикс.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="79"/>
        <source>The widest a column of text grows in a wide window</source>
        <translation>Наибольшая ширина колонки текста в широком окне</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="80"/>
        <source>Column width at most</source>
        <translation>Ширина колонки не более</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="83"/>
        <source>Margins</source>
        <translation>Поля</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="85"/>
        <source>Follow the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="85"/>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="86"/>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="86"/>
        <source>Sepia</source>
        <translation>Сепия</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="89"/>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="94"/>
        <source>Citations</source>
        <translation>Цитирование</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="96"/>
        <source>Chicago (notes and bibliography, 17th ed.)</source>
        <translation>Чикаго (примечания и список литературы, 17-е изд.)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="97"/>
        <source>GOST R 7.0.5–2008</source>
        <translation>ГОСТ Р 7.0.5–2008</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="100"/>
        <source>Citation style</source>
        <translation>Стиль ссылок</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="102"/>
        <source>ALA-LC with diacritics (Vlastʹ i oppozit͡sii)</source>
        <translation>ALA-LC с диакритикой (Vlastʹ i oppozit͡sii)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="103"/>
        <source>ALA-LC without diacritics (Vlast&apos; i oppozitsii)</source>
        <translation>ALA-LC без диакритики (Vlast&apos; i oppozitsii)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="106"/>
        <source>How Russian titles and names are romanised in Chicago citations</source>
        <translation>Как латинизируются русские заглавия и имена в ссылках по Чикаго</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="107"/>
        <source>Romanisation of Russian</source>
        <translation>Латинизация русского</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="109"/>
        <source>Interface</source>
        <translation>Интерфейс</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="111"/>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="114"/>
        <source>Interface language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="115"/>
        <source>Reading settings show at once. A new interface language takes effect when Sverka is started again.</source>
        <translation>Настройки чтения видны сразу. Новый язык интерфейса начнёт действовать при следующем запуске Sverka.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../app/views/help.py" line="115"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="119"/>
        <source>Find a shortcut: what it does, a key, or a menu</source>
        <translation>Найти сочетание: по действию, клавише или меню</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="123"/>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="123"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="123"/>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <location filename="../../app/views/help.py" line="153"/>
        <source>{0} of {1} shortcuts</source>
        <translation>{0} из {1} сочетаний</translation>
    </message>
</context>
<context>
    <name>SplitBeadDialog</name>
    <message>
        <location filename="../../app/dialogs/split_bead_dialog.py" line="35"/>
        <source>Split the bead</source>
        <translation>Разделить пару</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/split_bead_dialog.py" line="37"/>
        <source>On each side, choose the sentence that starts the second bead (Tab switches sides, Enter splits).</source>
        <translation>На каждой стороне выберите предложение, с которого начнётся вторая пара (Tab — другая сторона, Enter — разделить).</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/split_bead_dialog.py" line="43"/>
        <source>Split</source>
        <translation>Разделить</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/split_bead_dialog.py" line="48"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/split_bead_dialog.py" line="49"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/split_bead_dialog.py" line="63"/>
        <source>— nothing on this side: the second bead has no sentence here</source>
        <translation>— ничего: у второй пары на этой стороне нет предложений</translation>
    </message>
</context>
<context>
    <name>SplitSentenceDialog</name>
    <message>
        <location filename="../../app/dialogs/split_sentence_dialog.py" line="34"/>
        <source>Split the sentence</source>
        <translation>Разделить предложение</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/split_sentence_dialog.py" line="36"/>
        <source>Put the cursor where the second sentence starts (arrow keys or a click), then press Enter.</source>
        <translation>Поставьте курсор туда, где начинается второе предложение (стрелками или щелчком), и нажмите Enter.</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/split_sentence_dialog.py" line="52"/>
        <source>Split</source>
        <translation>Разделить</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/split_sentence_dialog.py" line="73"/>
        <source>1: {0}
2: {1}</source>
        <translation>1: {0}
2: {1}</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="47"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="48"/>
        <source>Sverka</source>
        <translation>Sverka</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="87"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
</context>
<context>
    <name>TaskStage</name>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="21"/>
        <source>reading</source>
        <translation>чтение</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="22"/>
        <source>reading pages</source>
        <translation>чтение страниц</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="23"/>
        <source>reading chapters</source>
        <translation>чтение глав</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="24"/>
        <source>finding paragraphs</source>
        <translation>поиск абзацев</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="25"/>
        <source>splitting sentences</source>
        <translation>разбиение на предложения</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="26"/>
        <source>storing</source>
        <translation>сохранение</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="27"/>
        <source>finding glossary terms</source>
        <translation>поиск терминов глоссария</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="28"/>
        <source>indexing glossary terms</source>
        <translation>индексация терминов глоссария</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="29"/>
        <source>align</source>
        <translation>выравнивание</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="30"/>
        <source>aligning</source>
        <translation>выравнивание</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="31"/>
        <source>re-aligning</source>
        <translation>повторное выравнивание</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="32"/>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="33"/>
        <source>Reading the sentences&apos; meaning</source>
        <translation>чтение смысла предложений</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="34"/>
        <source>reading the pair</source>
        <translation>чтение пары</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="35"/>
        <source>finding omissions and additions</source>
        <translation>поиск пропусков и добавлений</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/progress_dialog.py" line="36"/>
        <source>finding how terms were rendered</source>
        <translation>поиск того, как переведены термины</translation>
    </message>
</context>
<context>
    <name>TermLinks</name>
    <message>
        <location filename="../../app/views/term_links.py" line="147"/>
        <source>No rendering in the English here — possibly omitted.</source>
        <translation>В английском тексте здесь не передано — возможно, пропущено.</translation>
    </message>
    <message>
        <location filename="../../app/views/term_links.py" line="148"/>
        <source>No rendering in the Russian here — possibly omitted.</source>
        <translation>В русском тексте здесь не передано — возможно, пропущено.</translation>
    </message>
    <message>
        <location filename="../../app/views/term_links.py" line="156"/>
        <source>In the English here, probably: “{0}”</source>
        <translation>В английском тексте здесь, вероятно: «{0}»</translation>
    </message>
    <message>
        <location filename="../../app/views/term_links.py" line="157"/>
        <source>In the Russian here, probably: «{0}»</source>
        <translation>В русском тексте здесь, вероятно: «{0}»</translation>
    </message>
    <message>
        <location filename="../../app/views/term_links.py" line="159"/>
        <source>In the English here: “{0}”</source>
        <translation>В английском тексте здесь: «{0}»</translation>
    </message>
    <message>
        <location filename="../../app/views/term_links.py" line="160"/>
        <source>In the Russian here: «{0}»</source>
        <translation>В русском тексте здесь: «{0}»</translation>
    </message>
</context>
<context>
    <name>TocPanel</name>
    <message>
        <location filename="../../app/views/toc_panel.py" line="32"/>
        <source>This text has no headings.</source>
        <translation>В этом тексте нет заголовков.</translation>
    </message>
    <message>
        <location filename="../../app/views/toc_panel.py" line="54"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../app/views/toc_panel.py" line="54"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../app/views/toc_panel.py" line="54"/>
        <source>Page</source>
        <translation>Страница</translation>
    </message>
</context>
<context>
    <name>TranslationMap</name>
    <message>
        <location filename="../../app/views/translation_map.py" line="66"/>
        <source>Omission: Russian with no English</source>
        <translation>Пропуск: русский текст без английского</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="67"/>
        <source>Addition: English with no Russian</source>
        <translation>Добавление: английский текст без русского</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="68"/>
        <source>Merge or split: sentences joined or divided in translation</source>
        <translation>Слияние или разбиение: предложения объединены или разделены в переводе</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="69"/>
        <source>Unsure: the aligner is not sure of the bead</source>
        <translation>Сомнительная пара: выравниватель в ней не уверен</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="70"/>
        <source>Bookmark</source>
        <translation>Закладка</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="71"/>
        <source>Search hit: Find in text and the library search</source>
        <translation>Найдено: поиск в тексте и поиск по библиотеке</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="74"/>
        <source>red</source>
        <translation>красный</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="75"/>
        <source>blue</source>
        <translation>синий</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="76"/>
        <source>violet</source>
        <translation>фиолетовый</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="77"/>
        <source>orange</source>
        <translation>оранжевый</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="78"/>
        <source>green</source>
        <translation>зелёный</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="79"/>
        <source>grey</source>
        <translation>серый</translation>
    </message>
</context>
<context>
    <name>TranslationMapStrip</name>
    <message>
        <location filename="../../app/views/translation_map.py" line="134"/>
        <source>Translation map</source>
        <translation>Карта перевода</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="374"/>
        <source>… and {0} more marked beads here</source>
        <translation>… и ещё отмеченных пар здесь: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="378"/>
        <location filename="../../app/views/translation_map.py" line="398"/>
        <source>Bead {0}</source>
        <translation>Пара {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="379"/>
        <location filename="../../app/views/translation_map.py" line="398"/>
        <source>Paragraph {0}</source>
        <translation>Абзац {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="381"/>
        <source>Translation map (click to go there):</source>
        <translation>Карта перевода (щёлкните, чтобы перейти):</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="390"/>
        <source>{0} ({1} RU : {2} EN)</source>
        <translation>{0} ({1} RU : {2} EN)</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="403"/>
        <source>omission</source>
        <translation>пропуск</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="404"/>
        <source>addition</source>
        <translation>добавление</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="405"/>
        <source>merge or split</source>
        <translation>слияние или разбиение</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="406"/>
        <source>unsure</source>
        <translation>сомнительная</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="407"/>
        <source>bookmark</source>
        <translation>закладка</translation>
    </message>
    <message>
        <location filename="../../app/views/translation_map.py" line="408"/>
        <source>search hit</source>
        <translation>найдено</translation>
    </message>
</context>
<context>
    <name>UnsureReasons</name>
    <message>
        <location filename="../../app/views/unsure_reasons.py" line="15"/>
        <source>unsure: the English is much shorter than usual</source>
        <translation>сомнительная пара: английский текст намного короче обычного</translation>
    </message>
    <message>
        <location filename="../../app/views/unsure_reasons.py" line="16"/>
        <source>unsure: the English is much longer than usual</source>
        <translation>сомнительная пара: английский текст намного длиннее обычного</translation>
    </message>
    <message>
        <location filename="../../app/views/unsure_reasons.py" line="17"/>
        <source>unsure: no shared names, numbers or terms</source>
        <translation>сомнительная пара: нет общих имён, чисел или терминов</translation>
    </message>
    <message>
        <location filename="../../app/views/unsure_reasons.py" line="18"/>
        <source>unsure: another pairing of these sentences is almost as likely</source>
        <translation>сомнительная пара: другое сопоставление этих предложений почти так же вероятно</translation>
    </message>
    <message>
        <location filename="../../app/views/unsure_reasons.py" line="20"/>
        <source>unsure: a sentence with no counterpart</source>
        <translation>сомнительная пара: предложение без соответствия</translation>
    </message>
    <message>
        <location filename="../../app/views/unsure_reasons.py" line="21"/>
        <source>unsure: several sentences paired as one</source>
        <translation>сомнительная пара: несколько предложений сопоставлены как одно</translation>
    </message>
    <message>
        <location filename="../../app/views/unsure_reasons.py" line="22"/>
        <source>unsure: the beads around it are uncertain</source>
        <translation>сомнительная пара: соседние пары сомнительны</translation>
    </message>
    <message>
        <location filename="../../app/views/unsure_reasons.py" line="23"/>
        <source>unsure: the two sides match poorly</source>
        <translation>сомнительная пара: стороны плохо соответствуют друг другу</translation>
    </message>
    <message>
        <location filename="../../app/views/unsure_reasons.py" line="24"/>
        <source>unsure: the two sides differ in meaning</source>
        <translation>сомнительная пара: стороны расходятся по смыслу</translation>
    </message>
    <message>
        <location filename="../../app/views/unsure_reasons.py" line="25"/>
        <source>unsure: a sentence reads like the translation of a neighbouring one</source>
        <translation>сомнительная пара: предложение похоже на перевод соседнего</translation>
    </message>
    <message>
        <location filename="../../app/views/unsure_reasons.py" line="27"/>
        <source>unsure: a sentence of the bead has no counterpart in meaning</source>
        <translation>сомнительная пара: у одного из предложений нет соответствия по смыслу</translation>
    </message>
    <message>
        <location filename="../../app/views/unsure_reasons.py" line="29"/>
        <source>unsure: aligned by meaning where the words pointed elsewhere</source>
        <translation>сомнительная пара: выровнено по смыслу, хотя слова указывали на другое</translation>
    </message>
    <message>
        <location filename="../../app/views/unsure_reasons.py" line="31"/>
        <source>unsure: the aligner&apos;s confidence in this bead is low</source>
        <translation>сомнительная пара: низкая уверенность выравнивателя в этой паре</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../app/views/review_actions.py" line="121"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../app/views/copy_actions.py" line="71"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../app/views/copy_actions.py" line="77"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
</context>
</TS>
