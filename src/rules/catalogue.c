/*
 * catalogue.c: the rule catalogue of docs/rules.md as data: each rule's id,
 * default severity, guidance, when it fires and why.  Every stage that
 * names a rule (schema, configuration, the rules, check, explain) reads it
 * here.
 */
#include "catalogue.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

/* Kept in the order of docs/rules.md; config-* are this project's additions. */
const struct rule rule_table[] = {
    /* Input: the loader (load.c) and the text checks of schema.c. */
    {"yaml-syntax", SEV_ERROR, "", "input",
     "tệp không phải YAML hợp lệ (thông báo và vị trí lấy từ bộ phân tích YAML)",
     "the file is not well-formed YAML (message and position from the parser)",
     "Một tệp không phân tích được thì không đọc được gì: mọi kiểm tra khác dừng ở đây. "
     "Hãy sửa lỗi cú pháp tại vị trí được chỉ ra rồi chạy lại.",
     "A file that does not parse cannot be read at all: every other check stops here. Fix the "
     "syntax at the position shown and run again."},
    {"yaml-duplicate-key", SEV_ERROR, "", "input",
     "một ánh xạ lặp lại cùng một khóa (giá trị ghi trước được giữ, giá trị sau bị bỏ qua)",
     "a mapping repeats a key (the first value is kept, the later one left out)",
     "Phần lớn công cụ đọc YAML chỉ giữ giá trị cuối cùng của một khóa lặp lại và bỏ các giá trị "
     "trước mà không báo. debrief giữ giá trị ghi trước và coi việc lặp khóa là lỗi để không dữ "
     "liệu nào bị mất trong im lặng.",
     "Most YAML readers keep only the last value of a repeated key and drop the others without a "
     "word. debrief keeps the first and treats the repeat as an error so that no data is lost "
     "silently."},
    {"yaml-merge-key", SEV_ERROR, "", "input",
     "một ánh xạ dùng khóa gộp '<<' (không thuộc định dạng hồ sơ; cặp đó bị bỏ qua)",
     "a mapping uses a '<<' merge key (not part of the record format; the pair is ignored)",
     "Khóa gộp '<<' của YAML 1.1 không có trong YAML 1.2 và mỗi công cụ hiểu nó một kiểu, nên "
     "hồ sơ đọc ở nơi khác có thể mất trường. Hãy ghi đầy đủ các trường thay vì gộp từ một neo.",
     "YAML 1.1's '<<' merge key is gone from YAML 1.2 and tools disagree about it, so a record "
     "read elsewhere could lose fields. Write the fields out instead of merging an anchor."},
    {"yaml-encoding", SEV_ERROR, "", "input", "tệp không phải UTF-8 hợp lệ hoặc chứa byte NUL",
     "the file is not valid UTF-8, or contains a NUL byte",
     "Hồ sơ phải ở dạng UTF-8 để tên tiếng Việt, tiếng Nhật hay tiếng Pháp hiện đúng trong báo "
     "cáo và kho lưu trữ. Hãy lưu lại tệp với mã hóa UTF-8.",
     "Records must be UTF-8 so that Vietnamese, Japanese or French names come out right in reports "
     "and in the archive. Save the file again as UTF-8."},
    {"yaml-limit", SEV_ERROR, "", "input",
     "tệp vượt giới hạn về kích thước, độ sâu lồng nhau, số nút hoặc số bí danh (alias)",
     "the file exceeds a limit on size, nesting depth, number of nodes or aliases",
     "Các giới hạn bảo vệ máy chạy kiểm tra (CI) khỏi tệp khổng lồ và tệp dùng bí danh để nhân "
     "một giá trị lên hàng triệu lần. Một hồ sơ chuyến đi thật không bao giờ chạm tới chúng.",
     "The limits protect CI machines from huge files and alias bombs; a real trip record never "
     "comes near them."},
    {"yaml-multiple-documents", SEV_ERROR, "", "input",
     "tệp chứa nhiều hơn một tài liệu YAML (mỗi tệp ghi một chuyến đi)",
     "the file holds more than one YAML document (one record per file)",
     "Mỗi tệp là một chuyến đi và mang tên theo id của nó; hai tài liệu trong một tệp sẽ làm một "
     "chuyến bị bỏ sót. Hãy tách thành hai tệp.",
     "Each file is one trip, named after its id; a second document in the same file would be "
     "missed. Split it into two files."},
    {"text-legacy-encoding", SEV_WARNING, "", "input",
     "văn bản có vẻ là phông cũ TCVN3 (ABC) hoặc VNI bị lỗi thay vì tiếng Việt Unicode",
     "text looks like TCVN3 (ABC) or VNI mojibake rather than Unicode Vietnamese",
     "Văn bản dán từ tài liệu cũ dùng phông TCVN3 hay VNI hiện thành ký tự lạ trong báo cáo và "
     "không tìm kiếm được. Hãy chuyển mã sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) "
     "trước khi lưu. Mỗi hồ sơ liệt kê tối đa 10 giá trị, phần còn lại được đếm.",
     "Text pasted from old documents in TCVN3 or VNI fonts shows as garbage in reports and cannot "
     "be searched. Convert it to Unicode (for example with Unikey's converter) before saving. "
     "At most 10 values of a record are listed; the rest are counted."},
    {"text-placeholder", SEV_WARNING, "", "input",
     "một giá trị vẫn là chỗ trống trong ngoặc đơn của bản khung `debrief new`, như "
     "`(tên đối tác)`",
     "a value is still a blank in parentheses of the `debrief new` skeleton, such as "
     "`(partner)`",
     "Bản khung đánh dấu chỗ cần điền bằng chữ trong ngoặc đơn. Chỗ nào chưa điền sẽ được in "
     "nguyên văn vào báo cáo, như thể đó là tên đoàn hay tên đối tác thật.",
     "The skeleton marks what is to be filled in with words in parentheses. A blank left "
     "unfilled is printed into the report as written, as though it were the delegation's or "
     "the partner's real name."},
    {"text-not-nfc", SEV_INFO, "", "input",
     "văn bản không ở dạng chuẩn Unicode NFC (dấu tách rời); được chuẩn hóa khi xuất; mỗi tệp "
     "một phát hiện, ở giá trị đầu tiên, kèm số giá trị",
     "text is not in Unicode NFC (decomposed diacritics); it is normalised for output; one "
     "finding per file, at the first such value, with the count",
     "Cùng một chữ \"Nguyễn\" có thể được mã hóa theo hai cách; dạng dấu tách rời làm việc tìm "
     "kiếm và so khớp tên sai lệch. debrief chuẩn hóa khi xuất, nhưng nên lưu tệp ở dạng NFC.",
     "The same word \"Nguyễn\" can be encoded in two ways; decomposed diacritics make searching "
     "and matching names unreliable. debrief normalises its outputs, but the file is better "
     "saved in NFC."},

    /* Schema (schema.c; schema-duplicate-id across files here). */
    {"schema-version", SEV_ERROR, "", "schema",
     "thiếu `schema` hoặc không phải phiên bản được hỗ trợ (debrief/1)",
     "`schema` is missing or not a supported version (debrief/1)",
     "Khai báo phiên bản cho phép định dạng thay đổi về sau mà hồ sơ cũ vẫn được đọc đúng.",
     "Declaring the version lets the format evolve while old records are still read correctly."},
    {"schema-required", SEV_ERROR, "", "schema", "thiếu một trường bắt buộc hoặc trường để trống",
     "a required field is missing or empty",
     "Các trường bắt buộc (id, tiêu đề, hướng đoàn, ngày, địa phương, đối tác…) là tối thiểu để "
     "báo cáo và kho lưu trữ biết chuyến đi nào, của ai, khi nào.",
     "The required fields (id, title, direction, dates, locality, partners…) are the minimum for "
     "reports and the archive to know which trip, whose, and when."},
    {"schema-type", SEV_ERROR, "", "schema", "giá trị sai kiểu hoặc không thuộc các từ được phép",
     "a value has the wrong type or is not one of the allowed words",
     "Giá trị sai kiểu bị bỏ qua khi đọc hồ sơ; nếu không báo, báo cáo sẽ thiếu thông tin mà "
     "người viết tưởng đã ghi.",
     "A value of the wrong type is dropped when the record is read; without a finding the report "
     "would silently lack what the writer believed was there."},
    {"schema-unknown-key", SEV_WARNING, "", "schema",
     "khóa không có trong định dạng; thông báo gợi ý khóa gần nhất; là lỗi khi khóa là trường "
     "bị gõ sai mà nhóm đang thiếu, hoặc là phần sau dấu phẩy của một giá trị bị cắt; cũng "
     "là cảnh báo khi tên một cơ quan có dấu phẩy (Sở Văn hóa, Thể thao và Du lịch) bị tách "
     "thành hai mục của một danh sách",
     "a key the format does not define; the message suggests the nearest known key; an error "
     "when it is a misspelling of a field the mapping lacks, or the rest of a text value cut "
     "at a comma; also a warning when an official name with a comma (Sở Văn hóa, Thể thao và "
     "Du lịch) is split into two entries of a list",
     "Một khóa gõ sai (ví dụ \"deu\" thay cho \"due\") làm thông tin biến mất khỏi báo cáo. "
     "debrief không bỏ qua khóa lạ mà báo và gợi ý khóa đúng.",
     "A misspelt key (\"deu\" for \"due\") makes information vanish from the report. debrief "
     "never drops an unknown key silently: it reports it and suggests the right one."},
    {"schema-date", SEV_ERROR, "", "schema",
     "ngày sai dạng hoặc không tồn tại (2023-02-30), hoặc `end` trước `start`, hoặc "
     "`status: completed` cho chuyến đi chưa bắt đầu; ngày viết DD/MM/YYYY được gợi ý dạng ISO",
     "a date is malformed or impossible (2023-02-30), or `end` is before `start`, or "
     "`status: completed` for a visit that starts after today; a DD/MM/YYYY value gets the ISO "
     "form in the message",
     "Hạn chót, ngày báo cáo và ngày rà soát là căn cứ của mọi nhắc việc. Ngày phải viết theo "
     "dạng YYYY-MM-DD để không nhầm ngày với tháng.",
     "Deadlines, report and review dates drive every reminder. Dates are written YYYY-MM-DD so "
     "that day and month can never be confused."},
    {"schema-reference", SEV_ERROR, "", "schema",
     "tham chiếu đối tác (`audience`, `partner`, `alternative_to`) không trỏ tới đối tác nào",
     "a partner-ref (`audience`, `partner`, `alternative_to`) names no partner",
     "Nhiệm vụ, mục tiêu và tài liệu gắn với một đối tác cụ thể; một tên viết sai làm mất liên kết "
     "đó trong báo cáo và hồ sơ đối tác.",
     "Tasks, objectives and materials are tied to a particular partner; a misspelt name breaks "
     "that link in the report and in the partner's dossier."},
    {"schema-locality", SEV_WARNING, "", "schema",
     "`locality` không phải tỉnh, thành phố nào của Việt Nam (trước hay sau năm 2025), hoặc "
     "chuyến đi sau ngày 1/7/2025 ghi một đơn vị đã được sắp xếp lại (Thừa Thiên Huế: từ ngày "
     "1/1/2025, khi trở thành thành phố Huế) hoặc giao nhiệm vụ cho "
     "UBND cấp huyện (đã kết thúc hoạt động), hoặc `former_name` chưa bao giờ là một phần "
     "của địa phương",
     "`locality` is no Vietnamese province or city (before or after 2025), or a visit after 1 "
     "July 2025 names a unit reorganised by then (Thừa Thiên Huế from 1 January 2025, when it "
     "became Huế city) or gives a task to a district's people's "
     "committee (a level ended by then), or `former_name` was never part of the locality",
     "Báo cáo và kho lưu trữ ghi địa phương theo đơn vị hành chính tại thời điểm chuyến đi; một "
     "tên viết sai hoặc một tỉnh không còn tồn tại làm hồ sơ ghi sai sự thật và tách rời khỏi "
     "các chuyến đi khác của cùng địa phương.",
     "Reports and the archive name the locality as the administrative unit of the time of the "
     "visit; a misspelt name, or a province that no longer existed, makes the record say "
     "something false and separates it from the locality's other visits."},
    {"schema-duplicate-id", SEV_ERROR, "", "schema",
     "hai hồ sơ trùng `id` (trong các tệp của một lần chạy), hoặc hai nhiệm vụ trong một hồ sơ "
     "trùng `id`, hoặc hai đối tác trong một hồ sơ trùng `name` hay `id` (hay `local_name` "
     "trong cùng một nước)",
     "two records share an `id` (across the files of one run), or two tasks in a record share an "
     "`id`, or two partners of a record a `name` or `id` (or a `local_name` in one country)",
     "id là tên của mọi tệp đầu ra và là khóa trong kho lưu trữ: hai hồ sơ trùng id sẽ ghi đè "
     "báo cáo của nhau. Một đối tác ghi hai lần thì không biết tham chiếu trỏ tới mục nào, và "
     "báo cáo nêu tên đối tác đó hai lần.",
     "The id names every output file and keys the archive: two records with one id would "
     "overwrite each other's reports. A partner listed twice leaves references ambiguous "
     "and is named twice in the report."},

    /* Configuration (.debrief.yaml, config.c). */
    {"config-unknown-key", SEV_WARNING, "", "config",
     "tệp cấu hình có khóa không xác định; thông báo gợi ý khóa gần nhất",
     "the configuration file has a key it does not define; the message suggests the nearest",
     "Một khóa cấu hình gõ sai không có tác dụng gì; debrief báo để thiết lập không bị bỏ qua "
     "trong im lặng.",
     "A misspelt configuration key has no effect; debrief reports it so that no setting is "
     "ignored silently."},
    {"config-unknown-rule", SEV_ERROR, "", "config",
     "tệp cấu hình nêu một mã quy tắc không tồn tại; thông báo gợi ý mã gần nhất",
     "the configuration names a rule id that does not exist; the message suggests the nearest",
     "Tắt hay đổi mức một quy tắc với mã gõ sai sẽ không có tác dụng, và người dùng tưởng đã "
     "thiết lập xong. Xem danh sách mã bằng `debrief rules`.",
     "Disabling or changing a rule under a misspelt id does nothing while the user believes it "
     "is done. `debrief rules` lists the ids."},
    {"config-value", SEV_ERROR, "", "config",
     "giá trị cấu hình sai kiểu hoặc không hợp lệ (mức độ, số ngày, mã nước, …)",
     "a configuration value has the wrong type or is invalid (severity, number of days, country "
     "code, …)",
     "Giá trị không hợp lệ bị bỏ qua và mặc định được giữ; debrief báo vị trí để sửa.",
     "An invalid value is ignored and the default kept; debrief shows where to fix it."},
    {"config-office", SEV_WARNING, "", "config",
     "hồ sơ cơ quan (`office`) thiếu thông tin mà báo cáo cần (tên, ký hiệu, người ký, …), "
     "ghi khối chữ ký hoặc ký hiệu không đúng thể thức, hoặc không xác định được thuộc tỉnh, "
     "thành phố nào",
     "the office profile (`office`) lacks what a report needs (name, symbol, signer, …), "
     "writes its signature block or symbol out of form, or its province cannot be told",
     "Báo cáo được trình bày theo thể thức văn bản hành chính: tên cơ quan, ký hiệu, địa danh "
     "và người ký lấy từ hồ sơ cơ quan. Thiếu mục nào thì báo cáo để trống chỗ đó cho văn thư "
     "điền tay. Sở Ngoại vụ chỉ ban hành báo cáo về các đoàn của tỉnh mình, nên tỉnh của cơ "
     "quan phải xác định được từ cơ quan chủ quản, tên hoặc địa danh; nếu không, báo cáo để "
     "trống tên cơ quan, số, địa danh và người ký.",
     "The report is laid out as an administrative document: the issuing body, its symbol, the "
     "place and the signer come from the office profile. What is missing is left blank for "
     "the clerk to fill in by hand. A Department of Foreign Affairs issues reports on its own "
     "province's visits only, so the office's province must be told from its parent, name or "
     "place; when it cannot, the issuing body, number, place and signer are left blank."},

    /* Preparation (rules_prep.c): planned and completed records. */
    {"prep-what", SEV_ERROR, "G1 G2", "prep",
     "đoàn ra và `preparation.promote` trống: chưa xác định xúc tiến cái gì",
     "outbound and `preparation.promote` is empty: nothing says what to promote",
     "Câu hỏi đầu tiên là \"xúc tiến cái gì\": địa phương phải xác định những sản phẩm ưu thế của "
     "mình và xây dựng dữ liệu xúc tiến trước khi đi. Ghi mỗi sản phẩm vào `preparation.promote` "
     "với ngành và số liệu kèm theo.",
     "The first question is \"what to promote\": the locality names its strongest products and "
     "builds the promotion data before it travels. List each product under "
     "`preparation.promote`, with its sector and the data behind it."},
    {"prep-whom", SEV_ERROR, "G1 G3", "prep",
     "một đối tác không có cả `needs` lẫn `profile.priorities`",
     "a partner has neither `needs` nor `profile.priorities`",
     "\"Xúc tiến với ai\" nghĩa là tìm hiểu kỹ nhu cầu của từng đối tác. Đối tác chưa có nhu cầu "
     "vẫn là đối tượng tiếp xúc, nhưng hồ sơ phải ghi điều đã tìm hiểu được: nhu cầu (`needs`) "
     "hoặc các chủ đề ưu tiên (`profile.priorities`).",
     "\"With whom\" means researching each partner's needs. A partner with no need yet is still "
     "a contact target, but the record must say what was learned: its `needs` or the topics it "
     "gives priority to (`profile.priorities`)."},
    {"prep-how", SEV_WARNING, "G1 G6", "prep",
     "không có `occasion.kind` (tổ chức riêng, bên lề sự kiện lớn hay dịp kỷ niệm)",
     "no `occasion.kind` (standalone, alongside a major event, or an anniversary)",
     "\"Xúc tiến như thế nào\" gồm việc chọn hình thức: kết hợp với sự kiện lớn của thế giới, của "
     "nước sở tại, hoặc tổ chức riêng. Ghi lựa chọn đó vào `occasion.kind`.",
     "\"How\" includes choosing the format: alongside a major world or host-country event, or "
     "standalone. Record the choice in `occasion.kind`."},
    {"prep-agency", SEV_WARNING, "G2 G17", "prep",
     "đoàn ra mà không có ngày `agency.consulted`, hoặc ngày đó không trước `dates.start`",
     "outbound and no `agency.consulted` date, or that date is not before `dates.start`",
     "Dữ liệu xúc tiến cần có sự tham khảo các cơ quan đại diện, và cán bộ hai bên phải bám sát "
     "tiến trình công việc. Cơ quan đại diện phải được tham vấn trước khi đoàn lên đường; ghi ngày "
     "tham "
     "vấn vào `agency.consulted`.",
     "Promotion data is built in consultation with the representative agency, and staff on both "
     "sides follow the work closely. The embassy or consulate is consulted before the delegation "
     "leaves; record the date in `agency.consulted`."},
    {"prep-one-size", SEV_WARNING, "G4", "prep",
     "có từ hai đối tác: một bài trình bày dành cho `all` hoặc không ghi đối tượng, hoặc cùng một "
     "tên tài liệu dùng cho hai đối tác",
     "with two or more partners: a presentation has `audience: all` or no audience, or the same "
     "material title serves two partners",
     "Nội dung xúc tiến phải phù hợp từng đối tác, tránh dùng \"1 bài\" cho mọi đối tác. Mỗi bài "
     "trình bày ghi rõ đối tác nhận (`audience`); một tài liệu cùng tên cho hai đối tác là dấu "
     "hiệu của \"1 bài\".",
     "Content is tailored to each partner: never one talk for all. Each presentation names its "
     "partner (`audience`); one material title handed to two partners is the sign of a single "
     "talk for all."},
    {"prep-language", SEV_ERROR, "G5 G18", "prep",
     "đoàn ra: với một đối tác (không phải đối tác đã từ chối), không có tài liệu tiếng Anh và "
     "cũng không có tài liệu tiếng bản địa (lỗi); thiếu một trong hai (cảnh báo). Tiếng bản địa "
     "theo `country` của đối tác",
     "outbound: for a partner (not one that declined), no material in English and none in the "
     "host language (error); one of the two missing (warning). The host language follows the "
     "partner's `country`",
     "Tài liệu chuyên nghiệp phải có tiếng Anh, và cần chuẩn bị kỹ các tài liệu với ngôn ngữ bản "
     "địa. Ngôn ngữ bản địa lấy từ mã nước của đối tác (JP→ja, FR→fr, KR→ko…; bổ sung bằng "
     "`host_languages` trong cấu hình). Tài liệu được tính cho một đối tác khi `audience` là đối "
     "tác đó, là `all`, hoặc không ghi.",
     "Professional materials are in English, and materials in the host's own language are "
     "prepared with care. The host language comes from the partner's country code (JP→ja, FR→fr, "
     "KR→ko…; extended by `host_languages` in the configuration). A material counts for a "
     "partner when its `audience` is that partner, `all`, or not given."},
    {"prep-concise", SEV_INFO, "G5", "prep",
     "một bài trình bày có số trang (`pages`) vượt giới hạn cấu hình (mặc định 20)",
     "a `presentation` has more `pages` than the configured limit (default 20)",
     "Bài trình bày phải dễ hiểu, ngắn gọn, đủ thông tin. Bài quá dài thường không được nghe "
     "hết; giới hạn số trang đặt bằng `presentation_pages` trong cấu hình.",
     "Presentations are easy to follow, concise and complete. A long deck is rarely heard to the "
     "end; the page limit is `presentation_pages` in the configuration."},
    {"prep-objectives", SEV_ERROR, "G9", "prep",
     "không có mục tiêu nào có lĩnh vực (`field`) kèm dự án (`project`) hoặc lộ trình (`roadmap`)",
     "no objective with a `field` and either a `project` or a `roadmap`",
     "Kết nghĩa chỉ để hữu nghị không còn đủ: hợp tác phải có lĩnh vực, dự án và chương trình cụ "
     "thể, với mục tiêu và lộ trình. Ít nhất một mục tiêu phải ghi lĩnh vực cùng dự án hoặc lộ "
     "trình.",
     "Friendship-only twinning is no longer enough: cooperation needs concrete fields, projects "
     "and programmes, with goals and a roadmap. At least one objective names a field together "
     "with a project or a roadmap."},
    {"prep-friendship-only", SEV_WARNING, "G9 G15", "prep",
     "mọi mục tiêu chỉ là hữu nghị/giao lưu (hữu nghị, giao lưu, friendship, exchange) mà không "
     "có lĩnh vực cụ thể",
     "every objective's field is friendship/exchange only (hữu nghị, giao lưu, friendship, "
     "exchange) with no concrete field",
     "Mục tiêu không chỉ là thu xếp các chuyến thăm, các cuộc chào xã giao. Một lĩnh vực như "
     "\"giao lưu văn hóa\" là cụ thể; \"hữu nghị\" hay \"giao lưu\" đơn thuần thì không.",
     "The aim is not just visits and courtesy calls. A field such as \"cultural exchange\" is "
     "concrete; \"friendship\" or \"exchange\" alone is not."},
    {"prep-partner-interest", SEV_WARNING, "G10", "prep",
     "lĩnh vực của một mục tiêu không trùng từ nào với `profile.priorities` hay `needs` của đối "
     "tác (không phân biệt hoa thường, dấu; bỏ qua từ nối; hồ sơ tiếng Việt so hai âm tiết liền "
     "nhau). Mục tiêu không ghi đối tác được so với đối tác duy nhất của hồ sơ",
     "an objective's `field` shares no word with its partner's `profile.priorities` or `needs` "
     "(case- and accent-insensitive, stop words ignored; Vietnamese records compare two "
     "adjacent syllables). An objective without a partner is compared with the record's only "
     "partner",
     "Nội dung, lĩnh vực hợp tác nên định hướng theo các chủ đề mà địa phương bạn đang quan tâm. "
     "Một mục tiêu không khớp ưu tiên hay nhu cầu nào của đối tác khó được đón nhận; nếu đối tác "
     "thực sự quan tâm, hãy bổ sung hồ sơ đối tác.",
     "Align the content with the topics the partner locality cares about. An objective that "
     "matches none of the partner's priorities or needs is unlikely to be taken up; if the "
     "partner does care, complete its profile."},
    {"prep-asks-aid", SEV_WARNING, "G11", "prep",
     "một đề nghị (`asks`) có `kind: aid` hoặc `funding`", "an ask has `kind: aid` or `funding`",
     "Không nên quan niệm nhận được hỗ trợ gì từ phía bạn. Hợp tác địa phương dựa trên lợi ích "
     "hai bên (đầu tư, thương mại, đào tạo, công nghệ), không phải viện trợ.",
     "Don't go expecting aid. Cooperation between localities rests on mutual interest "
     "(investment, trade, training, technology), not on assistance."},
    {"prep-businesses", SEV_INFO, "G6 G12", "prep",
     "đoàn ra mà không có doanh nghiệp (`delegation.businesses`), không có đối tác, thành viên hay "
     "người liên hệ nào thuộc doanh nghiệp hoặc hiệp hội",
     "outbound, and no `delegation.businesses`, nor any partner, member or contact from a "
     "business or association",
     "Nên mời doanh nghiệp có nhu cầu tham gia và tranh thủ vai trò các doanh nghiệp, hiệp hội "
     "của cả hai bên. Một đoàn không có doanh nghiệp ít khi tạo ra dự án.",
     "Invite businesses that have a need, and involve the businesses and associations of both "
     "sides. A delegation without businesses seldom produces projects."},
    {"prep-timing", SEV_INFO, "G14", "prep",
     "năm của chuyến đi là năm chẵn 5 hay 10 năm quan hệ với một đối tác (tính từ `since`) mà "
     "`occasion.kind` không phải `anniversary`",
     "the visit's year is a 5- or 10-year anniversary of a partner's relationship `since` and "
     "`occasion.kind` is not `anniversary`",
     "Nắm bắt, tranh thủ cơ hội và triển khai đúng thời điểm là rất quan trọng; các năm chẵn kỷ "
     "niệm quan hệ là dịp tốt. Đây là gợi ý, không phải lỗi.",
     "Seizing openings and acting at the right time matter; round anniversary years of a "
     "relationship are good openings. This is a hint, not a fault."},
    {"prep-partner-profile", SEV_WARNING, "G16", "prep",
     "một đối tác không có `profile`, hoặc `profile.updated` sớm hơn `dates.start` quá 2 năm",
     "a partner has no `profile`, or its `profile.updated` is more than 2 years before "
     "`dates.start`",
     "Cần xây dựng tài liệu thông tin cơ bản về từng địa phương đối tác và thường xuyên bổ sung, "
     "cập nhật. Hồ sơ cũ hơn 2 năm có thể đã sai về ưu tiên và con người.",
     "Keep basic information on each partner locality and update it regularly. A profile more "
     "than two years old may be wrong about priorities and people."},

    /* The visit and its follow-up (rules_follow.c): completed records. */
    {"visit-courtesy-only", SEV_WARNING, "G15", "visit",
     "có các cuộc gặp và tất cả đều là `kind: courtesy` (chào xã giao)",
     "there are meetings and every one is `kind: courtesy`",
     "Hợp tác lâu dài không chỉ là thu xếp các chuyến thăm, các cuộc chào xã giao. Một chuyến đi "
     "chỉ có chào xã giao cần ít nhất một buổi làm việc thực chất.",
     "Long-term cooperation is not just visits and courtesy calls. A trip of courtesy calls only "
     "needs at least one real working session."},
    {"follow-tasks", SEV_ERROR, "G19", "follow", "chuyến đi đã kết thúc mà không có nhiệm vụ nào",
     "the visit is over and there are no tasks",
     "Báo cáo sau chuyến đi không nặng về kết quả thành tích mà tập trung vào phân công nhiệm vụ "
     "cụ thể cho từng Sở, ngành. Không có nhiệm vụ thì không có gì để triển khai.",
     "The post-visit report is not about accomplishments but about concrete tasks for each "
     "department. Without tasks there is nothing to implement."},
    {"follow-task-owner", SEV_ERROR, "G19", "follow",
     "một nhiệm vụ không có đơn vị chủ trì (lỗi), hoặc đơn vị chủ trì mơ hồ: nhiều cơ quan trong "
     "một, hoặc \"các sở, ngành\", \"các đơn vị liên quan\", \"TBD\"… (cảnh báo); xét cả "
     "chuyến đi chưa kết thúc, khi nhiệm vụ là việc chuẩn bị",
     "a task has no owner (error), or the owner is vague: several bodies in one, or words like "
     "\"các sở, ngành\", \"all departments\", \"TBD\" (warning); also on a visit not yet "
     "over, whose tasks are its preparation's",
     "Mỗi nhiệm vụ giao cho đúng một Sở, ngành chủ trì; các đơn vị phối hợp ghi vào `support`. "
     "Giao cho \"các sở, ngành liên quan\" nghĩa là không ai chịu trách nhiệm. Có thể bổ sung từ "
     "mơ hồ bằng `vague_owners` trong cấu hình.",
     "Each task goes to exactly one responsible department; the others go under `support`. A "
     "task given to \"all relevant departments\" belongs to no one. More vague words can be "
     "added with `vague_owners` in the configuration."},
    {"follow-task-duplicate", SEV_WARNING, "G19", "follow",
     "hai nhiệm vụ trong một hồ sơ có cùng nội dung (`task`) và cùng đơn vị chủ trì (`owner`), "
     "như một dòng dán hai lần; không phân biệt chữ hoa, dấu và khoảng trắng; xét cả chuyến đi "
     "chưa kết thúc",
     "two tasks of a record have the same text (`task`) and the same owner (`owner`), as a line "
     "pasted twice; case, accents and spacing aside; also on a visit not yet over",
     "Mỗi nhiệm vụ được phân công một lần cho một Sở, ngành chủ trì. Một nhiệm vụ ghi hai lần "
     "sẽ được đếm hai lần trong báo cáo, trong sổ theo dõi nhiệm vụ và khi kiểm tra tình hình "
     "triển khai, và hai bản sẽ bị cập nhật lệch nhau. Hãy bỏ bản thừa; nếu đó thật là hai việc "
     "khác nhau thì ghi rõ điểm khác nhau trong nội dung nhiệm vụ.",
     "Each task is assigned once, to one responsible department. A task written twice is "
     "counted twice in the report, in the task register and in every review of implementation, "
     "and its two copies drift apart as they are updated. Remove the extra one; if they really "
     "are two pieces of work, say in the text how they differ."},
    {"follow-task-due", SEV_WARNING, "G8 G19", "follow",
     "một nhiệm vụ chưa xong (trạng thái không phải `done` hay `dropped`) không có hạn `due`",
     "a task that is not `done` or `dropped` has no `due` date",
     "Không có thời hạn thì không thể thường xuyên kiểm tra tình hình triển khai. Mỗi nhiệm vụ "
     "còn mở cần một hạn chót (ngày hoặc tháng).",
     "Without a deadline implementation cannot be checked regularly. Every open task needs a due "
     "date (a day or a month)."},
    {"follow-task-overdue", SEV_WARNING, "G8", "follow",
     "`due` đã qua (hạn theo tháng tính đến cuối tháng) mà trạng thái không phải `done` hay "
     "`dropped`",
     "`due` is before today (a month counts to its last day) and the status is not `done` or "
     "`dropped`",
     "Chính quyền địa phương thường xuyên kiểm tra tình hình triển khai để kịp thời xử lý các "
     "vướng mắc. Nhiệm vụ quá hạn cần được xử lý, gia hạn có lý do, hoặc đóng lại.",
     "The local government checks implementation regularly to clear obstacles in time. An "
     "overdue task is dealt with, given a new date with a reason, or closed."},
    {"follow-task-stale", SEV_INFO, "G8", "follow",
     "một nhiệm vụ `open` hay `in_progress` không có cập nhật nào trong hơn 90 ngày (cấu hình "
     "`stale_days`), tính từ cập nhật gần nhất hoặc từ ngày kết thúc chuyến đi",
     "an `open` or `in_progress` task has had no update for more than 90 days (`stale_days`), "
     "counted "
     "from its latest update or else from the end of the visit",
     "Theo dõi thường xuyên nghĩa là nhật ký tiến độ (`updates`) được ghi đều đặn; một nhiệm vụ "
     "im lặng lâu ngày thường đã bị bỏ quên.",
     "Regular monitoring means the progress log (`updates`) is kept; a task silent for months "
     "has usually been forgotten."},
    {"follow-report", SEV_WARNING, "G19", "follow",
     "không có `follow_up.report` khi đã quá 30 ngày (cấu hình `report_days`) sau khi chuyến đi "
     "kết thúc, hoặc báo cáo đề ngày trước khi chuyến đi kết thúc",
     "no `follow_up.report` more than 30 days (`report_days`) after the end of the visit, or a "
     "report dated before the visit ended",
     "Báo cáo sau chuyến đi là nơi phân công nhiệm vụ cho từng Sở, ngành; báo cáo chậm thì việc "
     "triển khai chậm theo.",
     "The post-visit report is where tasks are assigned to each department; a late report "
     "delays everything that follows."},
    {"follow-feedback", SEV_WARNING, "G17 G19", "follow",
     "có `agency` mà không có `follow_up.feedback_to_agency` (ngày gửi báo cáo, thông tin lại "
     "cho cơ quan đại diện), trừ hồ sơ của chính cơ quan đại diện (`office` đặt ở nước ngoài)",
     "an `agency` and no `follow_up.feedback_to_agency` (the date the report went back to the "
     "representative agency), except in the agency's own records (its `office` placed abroad)",
     "Báo cáo cần có hình thức trao đổi ngược lại cho Cơ quan đại diện, để cán bộ hai bên cùng "
     "bám sát tiến trình và kịp thời cập nhật thông tin.",
     "The report is sent back to the representative agency, so that staff on both sides follow "
     "progress and stay informed."},
    {"follow-plan", SEV_WARNING, "G7", "follow", "không có chương trình dài hạn `follow_up.plan`",
     "no long-term programme `follow_up.plan`",
     "Sau chuyến đi cần giữ kết nối với đối tác, có chương trình kế hoạch dài hạn; một chuyến đi "
     "đơn lẻ không tạo ra hợp tác.",
     "After the visit, keep in touch with the partner under a long-term programme; a single trip "
     "does not make cooperation."},
    {"follow-reviews", SEV_INFO, "G8", "follow",
     "không có `follow_up.reviews` khi đã quá 90 ngày (cấu hình `review_days`) sau chuyến đi",
     "no `follow_up.reviews` more than 90 days (`review_days`) after the visit",
     "Chính quyền địa phương thường xuyên kiểm tra tình hình triển khai; mỗi lần rà soát nên được "
     "ghi lại với ngày và người chủ trì.",
     "The local government checks implementation regularly; each review is recorded with its "
     "date and who held it."},
    {"follow-accomplishment-heavy", SEV_WARNING, "G19", "follow",
     "hồ sơ nói về kết quả nhiều hơn về nhiệm vụ: nhiều `outcomes` hơn `tasks`, hoặc phần chữ kết "
     "quả dài hơn phần chữ mô tả nhiệm vụ",
     "the record says more about results than about tasks: more `outcomes` than `tasks`, or more "
     "outcome text than task text",
     "Báo cáo không nặng về kết quả thành tích mà tập trung vào phân công nhiệm vụ cụ thể. Hãy "
     "rút gọn phần kết quả và chuyển những gì còn phải làm thành nhiệm vụ có người chủ trì.",
     "The report is not heavy on accomplishments but focused on concrete tasks. Shorten the "
     "results and turn what remains to be done into tasks with an owner."},
    {"follow-reciprocal", SEV_INFO, "G22", "follow",
     "đoàn ra mà không có `follow_up.reciprocal_visit` (chuyến thăm đáp lễ)",
     "outbound, and no `follow_up.reciprocal_visit`",
     "Khuyến khích đối tác \"thăm đáp lễ\" địa phương Việt Nam để duy trì giao lưu; ghi dự kiến và "
     "tình trạng của chuyến thăm đáp lễ (kể cả `none`).",
     "Encourage the partner's return visit to keep the exchange alive; record its expected date "
     "and status (even `none`)."},
    {"follow-alternative", SEV_WARNING, "G21", "follow",
     "một đối tác `response: declined` mà không đối tác nào khác có `alternative_to` trỏ tới nó",
     "a partner has `response: declined` and no other partner has `alternative_to` it",
     "Khi đối tác mục tiêu từ chối, cần tích cực tìm hiểu và giới thiệu đối tác tiềm năng khác; "
     "ghi đối tác thay thế với `alternative_to`.",
     "When a target partner declines, find and introduce another potential partner; record it "
     "with `alternative_to`."},
    {"memory-contacts", SEV_WARNING, "G17 G20", "memory",
     "không có người liên hệ nào phía đối tác (`contacts` với `side: partner`)",
     "no contact on the partner side (`contacts` with `side: partner`)",
     "Cán bộ luân chuyển theo nhiệm kỳ; mối quan hệ chỉ còn nếu tên người liên hệ phía bạn được "
     "lưu giữ để người kế nhiệm tiếp tục.",
     "Staff rotate by term; a relationship survives only if the partner-side contacts are kept "
     "for whoever comes next."},
    {"memory-handover", SEV_INFO, "G20", "memory", "không có ghi chú bàn giao `handover`",
     "no `handover` notes",
     "Cần bàn giao, nắm bắt và phát huy các mối quan hệ, lưu giữ dữ liệu mang tính sử ký. Vài "
     "dòng bàn giao giúp người đến sau không phải bắt đầu lại từ đầu.",
     "Relationships are handed over and the historical record kept. A few lines of handover save "
     "the next officer from starting again."},

    /* Across a collection: checked by the archive. */
    {"archive-cold-partner", SEV_WARNING, "G7 G22", "archive",
     "một đối tác ở giai đoạn `mou` hoặc `sister` không có chuyến thăm nào theo cả hai chiều "
     "trong 2 năm (cấu hình `cold_years`) và không có chuyến thăm nào đang được chuẩn bị",
     "a partner at stage `mou` or `sister` has had no visit in either direction for 2 years "
     "(`cold_years`), and none is being prepared",
     "Quan hệ đã ký kết cần được giữ kết nối theo chương trình dài hạn và được duy trì bằng các "
     "chuyến thăm đáp lễ; hai năm không có đoàn nào là dấu hiệu quan hệ đang nguội.",
     "A signed relationship is kept alive under a long-term programme and with return visits; "
     "two years without a delegation either way means it is going cold."},
    {"archive-open-tasks", SEV_INFO, "G8", "archive",
     "một Sở, ngành giữ nhiệm vụ quá hạn còn mở từ nhiều hơn một chuyến đi; mỗi Sở, ngành tính "
     "riêng theo địa phương (tên so sánh không phân biệt chữ hoa, dấu cách), đơn vị chủ trì "
     "không rõ ràng (\"TBD\", \"các sở, ngành liên quan\") không được tính",
     "a department holds overdue open tasks from more than one visit; departments are counted "
     "per locality (names compared ignoring case and spacing), and vague owners (\"TBD\", "
     "\"các sở, ngành liên quan\") are not counted",
     "Kiểm tra tình hình triển khai cần nhìn theo đơn vị: một Sở tồn đọng việc từ nhiều chuyến "
     "đi cần được hỗ trợ hoặc phân công lại. Đơn vị là Sở, ngành của một địa phương: Sở Công "
     "Thương của An Giang không phải của Tây Ninh; \"TBD\" hay \"các sở, ngành liên quan\" "
     "không phải là một đơn vị. Tên đơn vị viết khác nhau được gộp bằng `owner_aliases` "
     "trong cấu hình.",
     "Monitoring looks at each department: one holding overdue work from several visits needs "
     "help or a new assignment. A department is one locality's: An Giang's Department of "
     "Industry and Trade is not Tây Ninh's, and \"TBD\" or \"the departments concerned\" is "
     "no department. Different spellings of one department are merged with `owner_aliases` "
     "in the configuration."},
};
const size_t rule_count = sizeof rule_table / sizeof rule_table[0];

/* The rules by id in a hash table built once: every finding looks its
 * rule up, twice, and ids share long prefixes ("follow-task-..."). */
enum { BY_ID_SLOTS = 512 }; /* a power of two, well above the rules */
static const struct rule *by_id[BY_ID_SLOTS];
static pthread_once_t by_id_once = PTHREAD_ONCE_INIT;

static size_t
id_hash(const char *id)
{
	size_t h = 2166136261u; /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h & (BY_ID_SLOTS - 1);
}

static void
by_id_build(void)
{
	_Static_assert(sizeof rule_table / sizeof rule_table[0] < BY_ID_SLOTS / 2,
	               "BY_ID_SLOTS too small for the rule table");
	for (size_t i = 0; i < rule_count; i++) {
		size_t h = id_hash(rule_table[i].id);
		while (by_id[h] && strcmp(by_id[h]->id, rule_table[i].id))
			h = (h + 1) & (BY_ID_SLOTS - 1);
		if (!by_id[h]) /* a repeated id is found at its first place */
			by_id[h] = &rule_table[i];
	}
}

const struct rule *
rule_find(const char *id)
{
	if (!id)
		return NULL;
	pthread_once(&by_id_once, by_id_build);
	for (size_t h = id_hash(id); by_id[h]; h = (h + 1) & (BY_ID_SLOTS - 1))
		if (!strcmp(by_id[h]->id, id))
			return by_id[h];
	return NULL;
}

/* The rules whose findings come at two levels: the default is the higher. */
const char *
rules_sev_label(const struct rule *ru)
{
	if (!strcmp(ru->id, "prep-language") || !strcmp(ru->id, "follow-task-owner"))
		return "error/warning";
	return sev_name(ru->sev);
}

const char *
rules_group_label(const char *group, enum lang lang)
{
	static const char *const label[][3] = {
	    {"input", "tệp đầu vào", "the input file"},
	    {"schema", "định dạng hồ sơ", "the record format"},
	    {"prep", "chuẩn bị chuyến công tác", "preparing the visit"},
	    {"visit", "trong chuyến công tác", "during the visit"},
	    {"follow", "sau chuyến công tác", "after the visit"},
	    {"memory", "lưu giữ, bàn giao", "keeping and handing over"},
	    {"archive", "toàn bộ hồ sơ lưu trữ", "the collection as a whole"},
	    {"config", "tệp cấu hình .debrief.yaml", "the .debrief.yaml configuration"}};
	for (size_t i = 0; i < sizeof label / sizeof label[0]; i++)
		if (!strcmp(group, label[i][0]))
			return L(lang, label[i][1], label[i][2]);
	return NULL;
}

const char *
rules_suggest(const char *id)
{
	const char **ids = xcalloc(rule_count, sizeof *ids);
	for (size_t i = 0; i < rule_count; i++)
		ids[i] = rule_table[i].id;
	const char *s = text_nearest(id, ids, rule_count);
	free(ids);
	return s;
}
