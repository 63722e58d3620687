/*
 * guidance.c: the G1–G22 table of docs/guidance.md as data.  The quotes
 * are byte-exact substrings of the two source texts: the unit test
 * test_guidance keeps this table equal to docs/guidance.md, and
 * tools/check-guidance checks docs/guidance.md against the texts; nothing
 * here is paraphrased.
 */
#include "guidance.h"

#include <string.h>

#include "buf.h"

const struct guidance_source guidance_sources[] = {
    {"000",
     "Đại sứ Việt Nam tại Bỉ và EU (Nguyễn Văn Thảo) và tại Pháp (Đinh Toàn Thắng): kinh "
     "nghiệm hợp tác, xúc tiến với địa phương nước bạn",
     "Vietnam's ambassadors to Belgium/EU (Nguyễn Văn Thảo) and to France (Đinh Toàn Thắng) on "
     "promotion and cooperation with foreign localities"},
    {"003",
     "Tổng Lãnh sự Việt Nam tại Fukuoka (Nguyễn Phương Hồng): kết nối địa phương Việt Nam với "
     "các tỉnh Nhật Bản",
     "Vietnam's Consul General in Fukuoka (Nguyễn Phương Hồng) on connecting Vietnamese "
     "provinces with Japanese prefectures"},
};
const size_t guidance_source_count = sizeof guidance_sources / sizeof guidance_sources[0];

const struct guidance guidance_table[] = {
    {"G1",
     "000",
     {"Xúc tiến cái gì, xúc tiến với ai và xúc tiến như thế nào"},
     "Preparation decides the outcome: answer *what* to promote, *with whom*, and *how*.",
     "Chuẩn bị quyết định kết quả: trả lời xúc tiến cái gì, xúc tiến với ai và xúc tiến như thế "
     "nào."},
    {"G2",
     "000",
     {"xác định những sản phẩm ưu thế của mình, xây dựng dữ liệu xúc tiến quảng bá trên cơ sở phát "
      "triển kinh tế địa phương và có sự tham khảo các cơ quan đại diện"},
     "Name the locality's strongest products; build promotion data; consult the representative "
     "agency (embassy/consulate).",
     "Xác định sản phẩm ưu thế của địa phương; xây dựng dữ liệu xúc tiến; tham khảo ý kiến Cơ quan "
     "đại diện (Đại sứ quán, Tổng Lãnh sự quán)."},
    {"G3",
     "000",
     {"cần tìm hiểu kỹ nhu cầu của đối tác"},
     "Research each partner's needs; a partner with no need yet is still a contact target with its "
     "own plan.",
     "Tìm hiểu kỹ nhu cầu của từng đối tác; đối tác chưa có nhu cầu vẫn là đối tượng cần tiếp cận, "
     "với kế hoạch riêng."},
    {"G4",
     "000",
     {"tránh dùng “1 bài” cho mọi đối tác"},
     "Tailor content to each partner; never one presentation for all partners.",
     "Nội dung riêng cho từng đối tác; không dùng một bài trình bày cho mọi đối tác."},
    {"G5",
     "000",
     {"có tiếng Anh, những bài trình bày dễ hiểu, ngắn gọn, đủ thông tin"},
     "Professional materials: in English, easy to follow, concise, complete.",
     "Tài liệu chuyên nghiệp: có tiếng Anh, dễ hiểu, ngắn gọn, đủ thông tin."},
    {"G6",
     "000",
     {"kết hợp với các sự kiện lớn của thế giới, của nước sở tại hoặc tổ chức riêng",
      "mời doanh nghiệp có nhu cầu tham gia"},
     "Choose the format (alongside a major event, or standalone); invite businesses that have a "
     "need.",
     "Chọn hình thức tổ chức (gắn với sự kiện lớn hoặc tổ chức riêng); mời doanh nghiệp có nhu cầu "
     "tham gia."},
    {"G7",
     "000",
     {"giữ kết nối với đối tác, có chương trình kế hoạch dài hạn"},
     "After the visit keep in touch with the partner, under a long-term programme.",
     "Sau chuyến đi, giữ kết nối với đối tác theo một chương trình, kế hoạch dài hạn."},
    {"G8",
     "000",
     {"thường xuyên kiểm tra tình hình triển khai để kịp thời xử lý các vướng mắc phát sinh"},
     "The local government monitors implementation regularly and clears obstacles in time.",
     "Chính quyền địa phương thường xuyên kiểm tra tình hình triển khai, kịp thời xử lý vướng "
     "mắc."},
    {"G9",
     "000",
     {"phải có lĩnh vực, dự án và chương trình hợp tác cụ thể"},
     "Friendship-only twinning is no longer enough: concrete fields, projects, programmes, with "
     "goals and a roadmap.",
     "Quan hệ hữu nghị đơn thuần không còn đủ: cần lĩnh vực, dự án, chương trình hợp tác cụ thể, "
     "có mục tiêu và lộ trình."},
    {"G10",
     "000",
     {"Định hướng nội dung, lĩnh vực hợp tác theo các chủ đề mà các địa phương Pháp đang quan tâm"},
     "Align the content with the topics the partner locality cares about; build on matching "
     "strengths.",
     "Định hướng nội dung theo các chủ đề địa phương bạn quan tâm; phát huy các thế mạnh tương "
     "đồng."},
    {"G11",
     "000",
     {"Không nên quan niệm nhận được hỗ trợ gì từ phía bạn hoặc đưa ra các dự án vượt khả năng của "
      "địa phương bạn"},
     "Don't go expecting aid, and don't propose projects beyond the partner's capacity.",
     "Không đặt nặng việc nhận hỗ trợ từ phía bạn, không đề xuất dự án vượt khả năng của địa "
     "phương bạn."},
    {"G12",
     "000",
     {"tranh thủ vai trò các doanh nghiệp, hiệp hội của cả Việt Nam và Pháp, thậm chí cả các cá "
      "nhân nòng cốt"},
     "Involve businesses, associations and key individuals of both sides; consult bodies such as "
     "AFD.",
     "Tranh thủ doanh nghiệp, hiệp hội và cá nhân nòng cốt của cả hai bên; tham khảo các cơ quan "
     "như AFD."},
    {"G13",
     "000",
     {"cơ chế điều phối chung của các địa phương theo vùng", "phục vụ việc chia sẻ thông tin"},
     "Coordinate across localities (by region) and share information.",
     "Phối hợp giữa các địa phương (theo vùng) và chia sẻ thông tin."},
    {"G14",
     "003",
     {"việc nắm bắt, tranh thủ cơ hội và thúc đẩy triển khai các hoạt động đúng thời điểm là rất "
      "quan trọng"},
     "Timing matters: partners set yearly priority countries; anniversary (\"năm chẵn\") years are "
     "openings.",
     "Chọn thời điểm: đối tác xác định quốc gia ưu tiên hằng năm; các năm chẵn kỷ niệm là dịp "
     "thuận lợi."},
    {"G15",
     "003",
     {"không chỉ là thu xếp các chuyến thăm, các cuộc chào xã giao"},
     "Aim at long-term cooperation, not just visits and courtesy calls.",
     "Hướng tới hợp tác lâu dài, không chỉ dừng ở các chuyến thăm, chào xã giao."},
    {"G16",
     "003",
     {"Xây dựng tài liệu thông tin cơ bản về khu vực cũng như về từng địa phương",
      "thường xuyên bổ sung, cập nhật"},
     "Keep basic, updated profiles of each partner locality and of our own locality's strengths.",
     "Có hồ sơ thông tin cơ bản, cập nhật về từng địa phương đối tác và về thế mạnh của địa phương "
     "mình."},
    {"G17",
     "003",
     {"Cán bộ hai bên phải bám sát tiến trình công việc, nắm rõ yêu cầu của mỗi địa phương, kịp "
      "thời cập nhật và trao đổi thông tin"},
     "Close coordination between the locality and the representative agency; named staff on both "
     "sides follow progress.",
     "Phối hợp chặt chẽ giữa địa phương và Cơ quan đại diện; mỗi bên có cán bộ đầu mối theo dõi "
     "tiến độ."},
    {"G18",
     "003",
     {"chuẩn bị kỹ các tài liệu với ngôn ngữ bản địa, nội dung làm việc có hàm lượng và trọng tâm"},
     "Materials in the host's own language; substantive, focused working content.",
     "Tài liệu bằng tiếng của nước sở tại; nội dung làm việc thực chất, có trọng tâm."},
    {"G19",
     "003",
     {"Báo cáo không nặng về kết quả thành tích mà tập trung vào phân công nhiệm vụ cụ thể cho "
      "từng Sở, ngành"},
     "The post-visit report assesses results honestly, assigns concrete tasks to each department, "
     "and is sent back to the representative agency (\"có hình thức trao đổi ngược lại cho Cơ quan "
     "đại diện\").",
     "Báo cáo sau chuyến đi đánh giá đúng kết quả, phân công nhiệm vụ cụ thể cho từng sở, ngành và "
     "được trao đổi ngược lại cho Cơ quan đại diện."},
    {"G20",
     "003",
     {"bàn giao, nắm bắt và phát huy các mối quan hệ",
      "lưu giữ và khai thác hiệu quả những dữ liệu thông tin mang tính sử ký"},
     "Staff rotate by term: hand over relationships and keep the historical record so support "
     "stays continuous.",
     "Cán bộ luân chuyển theo nhiệm kỳ: bàn giao các mối quan hệ, lưu giữ hồ sơ để việc hỗ trợ "
     "được liên tục."},
    {"G21",
     "003",
     {"tích cực tìm hiểu và giới thiệu đối tác tiềm năng khác"},
     "When a target partner declines, find and introduce another potential partner.",
     "Khi đối tác dự kiến từ chối, tìm và giới thiệu đối tác tiềm năng khác."},
    {"G22",
     "003",
     {"“thăm đáp lễ” địa phương Việt Nam nhằm duy trì hoạt động giao lưu"},
     "Encourage return visits by the partner to keep the exchange alive.",
     "Khuyến khích đối tác sang thăm đáp lễ để duy trì trao đổi."},
};
const size_t guidance_count = sizeof guidance_table / sizeof guidance_table[0];

const struct guidance *
guidance_find(const char *id)
{
	for (size_t i = 0; id && i < guidance_count; i++)
		if (!strcmp(guidance_table[i].id, id))
			return &guidance_table[i];
	return NULL;
}

const struct guidance_source *
guidance_source_find(const char *id)
{
	for (size_t i = 0; id && i < guidance_source_count; i++)
		if (!strcmp(guidance_sources[i].id, id))
			return &guidance_sources[i];
	return NULL;
}

char *
guidance_quote(const struct guidance *g)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; g->quotes[i]; i++)
		buf_printf(&b, "%s\"%s\"", i ? " … " : "", g->quotes[i]);
	return buf_detach(&b);
}
