#!/bin/sh
# Writes N realistic trip records (format debrief/1) into DIR, for the
# benchmark: usage gen_records.sh N DIR.  Deterministic (fixed seed).
# Vietnamese text, partners in several countries, 3-15 tasks with
# updates, meetings, materials, contacts; about 4 KB per record.
set -eu
n=$1 dir=$2
mkdir -p "$dir"
awk -v n="$n" -v dir="$dir" '
function pick(a, k) { return a[int(rand() * k) + 1] }
function date(y, m, d) { return sprintf("%04d-%02d-%02d", y, m, d) }
BEGIN {
	srand(42)
	nl = split("Cà Mau|Đà Nẵng|Hải Phòng|Quảng Ninh|Thừa Thiên Huế|Khánh Hòa|Cần Thơ|Lâm Đồng|Bình Định|Nghệ An|Thanh Hóa|Hà Nội|Thành phố Hồ Chí Minh|Bắc Ninh|Đồng Nai|Kiên Giang|An Giang|Lào Cai|Quảng Nam|Phú Yên", loc, "|")
	np = split("Nagasaki:JP:長崎県|Kumamoto:JP:熊本県|Fukuoka:JP:福岡県|Gyeonggi:KR:경기도|Busan:KR:부산광역시|Val-de-Marne:FR:Val-de-Marne|Nouvelle-Aquitaine:FR:Nouvelle-Aquitaine|Sachsen:DE:Freistaat Sachsen|Yunnan:CN:云南省|Guangxi:CN:广西|Queensland:AU:Queensland|Vientiane:LA:ນະຄອນຫຼວງວຽງຈັນ|Flanders:BE:Vlaanderen|Hokkaido:JP:北海道|Osaka:JP:大阪府", par, "|")
	no = split("Sở Ngoại vụ|Sở Công Thương|Sở Du lịch|Sở Nông nghiệp và Môi trường|Sở Giáo dục và Đào tạo|Sở Kế hoạch và Đầu tư|Sở Y tế|Sở Văn hóa, Thể thao và Du lịch|Ban Quản lý các khu công nghiệp|Trung tâm Xúc tiến Đầu tư", own, "|")
	nf = split("thủy sản|du lịch|đào tạo nhân lực|nông nghiệp công nghệ cao|năng lượng tái tạo|y tế|giáo dục|logistics|chế biến nông sản|công nghiệp hỗ trợ", fld, "|")
	nt = split("Xây dựng đề án hợp tác về|Chuẩn bị đón đoàn doanh nghiệp về|Tổ chức hội thảo xúc tiến đầu tư về|Báo cáo UBND tỉnh kết quả làm việc về|Ký kết biên bản ghi nhớ về|Cử cán bộ tham gia khóa đào tạo về|Khảo sát nhu cầu doanh nghiệp về", tsk, "|")
	ns = split("open|in_progress|done|blocked|dropped", st, "|")
	nk = split("courtesy|working|signing|site_visit|event", mk, "|")
	for (r = 1; r <= n; r++) {
		y = 2015 + int(rand() * 10); m = 1 + int(rand() * 12); d = 1 + int(rand() * 20)
		l = pick(loc, nl)
		split(pick(par, np), p, ":")
		f = sprintf("%s/%05d.yaml", dir, r)
		out = ""
		printf "schema: debrief/1\nid: %04d-%02d-rec-%05d\n", y, m, r > f
		printf "title: Đoàn lãnh đạo %s làm việc tại %s về %s\nlang: vi\n", l, p[1], pick(fld, nf) > f
		printf "direction: %s\n", rand() < 0.7 ? "outbound" : "inbound" > f
		printf "dates: {start: %s, end: %s}\n", date(y, m, d), date(y, m, d + 1 + int(rand() * 6)) > f
		printf "locality: {name: %s, kind: %s}\n", l, rand() < 0.8 ? "province" : "city" > f
		printf "agency:\n  name: Đại sứ quán Việt Nam tại nước sở tại\n  kind: embassy\n  consulted: %s\n", date(y, m, 1) > f
		printf "  staff:\n    - {name: Nguyễn Văn An, title: Tham tán}\n" > f
		printf "partners:\n" > f
		for (k = 0; k < 1 + int(rand() * 2); k++) {
			if (k) split(pick(par, np), p, ":")
			printf "  - name: %s\n    local_name: %s\n    country: %s\n    kind: prefecture\n", p[1], p[3], p[2] > f
			printf "    relationship: {stage: %s, since: %d-%02d}\n", rand() < 0.5 ? "mou" : "exploring", y - int(rand() * 8), m > f
			printf "    profile:\n      strengths: [%s, %s]\n      priorities: [%s]\n      updated: %d-%02d\n", pick(fld, nf), pick(fld, nf), pick(fld, nf), y, m > f
			printf "    needs: [%s, lao động có tay nghề]\n    response: accepted\n", pick(fld, nf) > f
		}
		printf "delegation:\n  head: {name: Trần Thị Bình, title: Phó Chủ tịch UBND tỉnh}\n  members:\n" > f
		for (k = 0; k < 2 + int(rand() * 4); k++)
			printf "    - {name: Lê Văn Cường %d, title: Giám đốc, org: %s}\n", k, pick(own, no) > f
		printf "occasion: {kind: standalone}\npreparation:\n  promote:\n    - {item: %s, sector: %s, data: \"Sản lượng tăng 12%% năm %d\"}\n", pick(fld, nf), pick(fld, nf), y - 1 > f
		printf "  objectives:\n    - {field: %s, goal: Mở rộng hợp tác, roadmap: %d–%d, partner: %s}\n", pick(fld, nf), y, y + 3, p[1] > f
		printf "  materials:\n    - {title: %s – tiềm năng hợp tác, kind: presentation, audience: %s, lang: [en, ja], pages: %d}\n", l, p[1], 8 + int(rand() * 20) > f
		printf "meetings:\n" > f
		for (k = 0; k < 1 + int(rand() * 4); k++)
			printf "  - {date: %s, with: Lãnh đạo %s, kind: %s, summary: Trao đổi về %s}\n", date(y, m, d + k), p[1], pick(mk, nk), pick(fld, nf) > f
		printf "outcomes:\n  - Hai bên thống nhất chọn %s là lĩnh vực ưu tiên.\n", pick(fld, nf) > f
		printf "tasks:\n" > f
		for (k = 0; k < 3 + int(rand() * 13); k++) {
			printf "  - task: %s %s với %s\n    owner: %s\n", pick(tsk, nt), pick(fld, nf), p[1], pick(own, no) > f
			printf "    support: [%s]\n    partner: %s\n    due: %s\n    status: %s\n", pick(own, no), p[1], date(y, m % 12 + 1, 1 + int(rand() * 27)), pick(st, ns) > f
			if (rand() < 0.6)
				printf "    updates:\n      - {date: %s, note: Đã gửi văn bản đề nghị tới đối tác}\n", date(y, m % 12 + 1, 1) > f
		}
		printf "follow_up:\n  report: {date: %s, author: Sở Ngoại vụ, number: %d/BC-SNgV}\n", date(y, m % 12 + 1, 2), 100 + r % 900 > f
		printf "  feedback_to_agency: %s\n  reciprocal_visit: {expected: %d-%02d, status: proposed}\n", date(y, m % 12 + 1, 5), y + 1, m > f
		printf "contacts:\n  - {name: Tanaka Hiroshi, org: Văn phòng %s, side: partner, since: %d-%02d, email: contact%d@example.org}\n", p[1], y, m, r > f
		printf "handover: Người liên hệ chính phía %s là ông Tanaka; ưu tiên theo dõi nhiệm vụ về %s.\n", p[1], pick(fld, nf) > f
		close(f)
	}
}'
