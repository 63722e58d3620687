#!/bin/sh
# Markdown -> PDF speed on a long generated Vietnamese report (at least 100
# pages: headings, paragraphs, task tables, lists, a little CJK), against
# cmark-gfm's bare parse of the same text in the same process.
set -eu
TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/debrief-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
# the Makefile passes its flags (make bench); the package list lives there
: "${DEPCFLAGS:?run through make bench}" "${DEPLIBS:?run through make bench}" \
	"${LIBOBJS:?run through make bench}"
# shellcheck disable=SC2086
cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -I"$TOP/src" \
	$DEPCFLAGS -o "$tmp/pdf_bench" "$TOP/bench/pdf_bench.c" \
	$LIBOBJS \
	$DEPLIBS
/usr/bin/python3 - "$tmp/long.md" <<'PY'
import sys
parts = ['# Hồ sơ lưu trữ hợp tác quốc tế của tỉnh Cà Mau\n']
for i in range(1, 301):
    parts.append('''
## Chuyến thăm số %d: tỉnh Nagasaki (長崎県) và Gyeongsangbuk-do (경상북도)

Đoàn công tác của Ủy ban nhân dân tỉnh do Phó Chủ tịch dẫn đầu đã làm việc với **Sở Ngoại vụ**,
*Sở Kế hoạch và Đầu tư* và các doanh nghiệp; hai bên thống nhất những việc cần làm ngay, tập trung
vào nhiệm vụ cụ thể của từng sở, ngành thay vì kể thành tích. Xem [hướng dẫn](https://mofa.gov.vn/hd-%d).

| Sở phụ trách | Nhiệm vụ | Hạn | Trạng thái |
|---|---|:-:|---|
| Sở Ngoại vụ | Gửi thư cảm ơn, đề nghị ký biên bản ghi nhớ | 31/07/2017 | **quá hạn** |
| Sở Công Thương | Xúc tiến thương mại thủy sản, chuẩn bị hội chợ | 15/09/2017 | đang làm |
| Sở Nông nghiệp và PTNT | Dự án rừng ngập mặn với đối tác | 30/09/2017 | chưa bắt đầu |

- [x] Báo cáo nhanh gửi Bộ Ngoại giao
- [ ] Họp rà soát sau 30 ngày
- [ ] Kế hoạch đón đoàn đáp lễ

> Ghi chú bàn giao: liên hệ ông Nguyễn Văn An, Sở Ngoại vụ, điện thoại 0290 3 123 456.
''' % (i, i))
open(sys.argv[1], 'w', encoding='utf-8').write(''.join(parts))
PY
"$tmp/pdf_bench" "$tmp/long.md" 5
