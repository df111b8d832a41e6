"""wrapped_headlines: headlines wrapped at the column width, and body lines that only look like heads (invented text)."""
from __future__ import annotations

from articles.text.page_lines import BODY, BYLINE, HEADLINE, NOISE, Line
from articles.text.segment import segment_page
from articles.text.wrapped_headlines import (
    demote_paragraph_fragments,
    demote_wrapped_fragments,
    mark_foot_cluster,
    promote_head_over_deck,
    promote_heads_closing_blocks,
    promote_heads_ending_short,
    promote_headlines_above_leads,
    promote_wide_heads,
    promote_wrapped_headlines,
)


def _line(text: str, kind: str = BODY, *, blank: bool = False) -> Line:
    return Line(text=text, blank_before=blank, indent=False, kind=kind)


def test_a_full_column_head_line_running_into_body_text_is_body() -> None:
    lines = [_line("某某镇召开工作会议，会议强调要抓", blank=True), _line("好落实各项工作任务部署的有关要求"),
             _line("某某县领导调研某某村乡村振兴工", HEADLINE), _line("作并看望慰问困难群众和老党员。")]
    demote_wrapped_fragments(lines, 16.0)
    assert lines[2].kind == BODY


def test_a_wrapped_head_under_its_kicker_at_the_foot_of_the_page_is_a_head() -> None:
    lines = [_line("相关负责人陪同调研。", blank=True), _line("扫描二维码", NOISE, blank=True),
             _line("【某某向您汇报(某某篇)】", HEADLINE, blank=True),
             _line("某某县领导调研某某村乡村振兴及某某协"), _line("作项目建设工作")]
    promote_wrapped_headlines(lines)
    assert [line.kind for line in lines[3:]] == [HEADLINE, HEADLINE]


def test_a_sentence_under_a_head_stays_body() -> None:
    lines = [_line("某某镇开展志愿服务活动", HEADLINE, blank=True),
             _line("近日，某某镇组织志愿者走进社区开展"), _line("志愿服务活动。")]
    promote_wrapped_headlines(lines)
    assert [line.kind for line in lines[1:]] == [BODY, BODY]


def test_a_head_printed_after_its_report_heads_it() -> None:
    column = 18
    body = ("4月22日，某某县副县长张三调研某某乡某某村乡村振兴及某某协作项目建设工作。"
            "张三一行来到某某村委会，通过实地查看、召开座谈会等形式，详细了解村集体经济、"
            "协作项目、产业发展和村民生产生活情况，并对某某村的生态保护、村容村貌、产业发展"
            "等工作成效给予肯定。县乡村振兴局及某某乡相关负责人陪同调研。")
    wrapped = "\n".join(body[k:k + column] for k in range(0, len(body), column))
    page = f"{wrapped}\n\n扫描二维码\n下载“某某”客户端\n\n【某某向您汇报(某某篇)】\n某某县领导调研某某村乡村振兴及某某协\n作项目建设工作\n"
    [article] = segment_page(page).articles
    assert article.title and "作项目建设工作" in (article.title + (article.subtitle or ""))
    assert article.body.startswith("4月22日")


def test_a_bracketed_head_and_its_deck_set_over_several_lines_are_heads() -> None:
    lines = [_line("【提振精气神 奋力争抢拼", blank=True), _line("接续推动某某走在前列迈"), _line("出更大步伐】"),
             _line("——中国共产党某县第十七届"), _line("委员会第三次全体会议召开"),
             _line("8月15日，中国共产党某县第", blank=True), _line("十七届委员会第三次全体会议召开。")]
    promote_wrapped_headlines(lines)
    assert [line.kind for line in lines] == [HEADLINE] * 5 + [BODY, BODY]


def test_a_wrapped_head_between_two_reports_is_a_head() -> None:
    lines = [_line("会议还研究了其他事项。", blank=True),
             _line("某某区召开区人民政府第6", blank=True), _line("7次常务会议"),
             _line("9月4日，区委副书记、区长张", blank=True), _line("三主持召开区政府常务会议。")]
    promote_wrapped_headlines(lines)
    assert [line.kind for line in lines] == [BODY, HEADLINE, HEADLINE, BODY, BODY]


def test_a_last_paragraph_without_its_full_stop_stays_body() -> None:
    lines = [_line("会议还研究了其他事项。", blank=True),
             _line("区领导张三、李四、王五出", blank=True), _line("席会议并讲话，要求抓好落实"),
             _line("9月4日，区委副书记、区长张", blank=True), _line("三主持召开区政府常务会议。")]
    promote_wrapped_headlines(lines)
    assert lines[1].kind == BODY and lines[2].kind == BODY


def test_heads_gathered_at_the_foot_of_the_page_are_heads() -> None:
    lines = [_line("某某主持会议并就相关工作作了具体安排部署。", blank=True), _line("本台记者:某某报道", BYLINE),
             _line("【两会进行时】某某区第六届人民代表大会第一次会议隆重", blank=True), _line("开幕"),
             _line("某某县长到某某镇实地调研"), _line("责任编辑:某某  版式:某某", NOISE, blank=True)]
    mark_foot_cluster(lines)
    assert [line.kind for line in lines[2:5]] == [HEADLINE] * 3


def test_lines_after_an_unfinished_sentence_are_no_cluster() -> None:
    lines = [_line("会议还研究了其他事项，部署了下阶段工作", blank=True),
             _line("区领导张三李四出席会议", blank=True), _line("并讲话")]
    mark_foot_cluster(lines)
    assert all(line.kind == BODY for line in lines)


def test_a_report_opening_on_its_dateline_is_no_cluster() -> None:
    lines = [_line("会议还研究了其他事项。", blank=True),
             _line("5月6日 某某区召开工作会议", blank=True), _line("会议部署全年工作")]
    mark_foot_cluster(lines)
    assert all(line.kind == BODY for line in lines)


def test_a_wrapped_head_at_the_top_of_the_page_is_a_head() -> None:
    lines = [_line("凝聚共识 汇聚合力 为推进某某高质量发"), _line("展汇聚精神动力"),
             _line("某某融媒体(记者 张三)4月9日，县委书", blank=True), _line("记张三主持召开会议。")]
    lines[2].lead = True
    promote_wrapped_headlines(lines)
    assert [line.kind for line in lines] == [HEADLINE, HEADLINE, BODY, BODY]


def test_a_head_wrapped_right_on_a_day_dateline_is_a_head() -> None:
    lines = [_line("张三主持召开区委常委会会", blank=True), _line("议"),
             _line("25日下午，区委书记张三"), _line("主持召开区委常委会会议。")]
    promote_headlines_above_leads(lines)
    assert [line.kind for line in lines] == [HEADLINE, HEADLINE, BODY, BODY]


def test_a_date_cut_by_the_wrap_is_no_head() -> None:
    lines = [_line("某某日报客户端10月", blank=True), _line("2日讯记者张三9月"),
             _line("30日，某某联络站正式投入"), _line("使用。")]
    promote_headlines_above_leads(lines)
    assert all(line.kind == BODY for line in lines)


def test_on_a_page_without_blank_lines_a_wrapped_head_at_the_foot_is_a_head() -> None:
    lines = [_line("获得更大的政策支持和各方面发展"), _line("的支撑。"),
             _line("某某区人民政府党组理论学习中心"), _line("组举行2022年第三次集中学习"),
             _line("扫一扫在手机打开当前页", NOISE)]
    mark_foot_cluster(lines)
    assert [line.kind for line in lines[2:4]] == [HEADLINE, HEADLINE]


def test_a_line_whose_comma_the_wrap_pushed_down_is_body() -> None:
    lines = [_line("在听取相关工作情况汇报后", HEADLINE, blank=True), _line(",张三强调"),
             _line("要进一步明确目标要求。", blank=True)]
    demote_paragraph_fragments(lines)
    assert lines[0].kind == BODY


def test_a_wrapped_head_printed_under_a_report_closing_on_its_writer_s_credit_is_a_head() -> None:
    page = ("3月7日上午，某某市委书记张三\n到某某镇调研固定资产投资项目\n建设情况，协调解决实际问题。\n"
            "某某市领导李四参加调研。（记\n者：王五）\n\n张三调研固定资产投资项目建设情\n况\n\n"
            "扫一扫在手机打开当前页\n\n"
            "11月4日上午，某某县委、县政府\n召开冬修水利动员会，县委书记赵\n六出席会议并讲话。\n")
    articles = segment_page(page).articles
    assert len(articles) == 2
    assert articles[0].title == "张三调研固定资产投资项目建设情况"


def test_a_block_over_two_lines_with_no_punctuation_set_apart_is_a_head() -> None:
    page = ("1月25日，某某市召开离退休干部迎新\n春座谈会，为全市离退休干部送上新\n春祝福，大家纷纷建言献策，表示将\n"
            "继续发挥余热，再做新贡献\n。\n\n某某督导组督导某某市农村乱占耕\n地建房问题整治工作\n\n"
            "为积极稳妥推进农村乱占耕地建房问\n题整治工作，10月10日，某某督导\n组一行赴某某市督导。\n")
    articles = segment_page(page).articles
    assert len(articles) == 2
    assert articles[1].title == "某某督导组督导某某市农村乱占耕地建房问题整治工作"


def test_a_head_set_apart_under_a_report_that_goes_on_elsewhere_heads_the_next_one() -> None:
    column = 16
    first = "本报讯（记者 张三）3月18日，某某市委书记李四到某某区调研，要求坚持人防、物防、技防相结合，坚决防范森林火灾发生。"
    second = "“以前都是我们跟书记镇长汇报，今天换成书记镇长给我们讲解，大家都觉得新鲜。”说这话的是某某村的党员。"
    wrap = lambda text: "\n".join(text[k:k + column] for k in range(0, len(text), column))  # noqa: E731
    page = (f"{wrap(first)}\n（下转第2版）\n\n某某镇：书记镇长变身“导游”，\n倾情讲解古驿新变\n\n{wrap(second)}\n")
    articles = segment_page(page).articles
    assert len(articles) == 2
    assert articles[1].title == "某某镇：书记镇长变身“导游”，倾情讲解古驿新变"


def test_a_head_over_its_deck_stays_a_head() -> None:
    column = 15
    above = "会议审议并通过了有关文件，要求各级各部门抓好落实，确保各项工作落到实处。会议还研究了其他有关事项。"
    below = ("2月20日下午，县长张三主持召开县政府常务会议，传达学习有关精神，研究部署疫情防控、"
             "落实“稳增长20条”等工作。会议指出，要深刻领会、全面贯彻有关部署要求。")
    wrap = lambda text: "\n".join(text[k:k + column] for k in range(0, len(text), column))  # noqa: E731
    page = f"{wrap(above)}\n\n张三主持召开县政府常务会议\n——研究疫情防控、落实“稳增长2\n0条”等工作\n\n{wrap(below)}\n"
    articles = segment_page(page).articles
    assert (articles[-1].title or "").startswith("张三主持召开县政府常务会议")
    assert articles[-1].body.startswith("2月20日下午")


def test_a_dash_opening_a_paragraph_under_a_head_like_line_is_no_deck() -> None:
    page = ("本报讯 3月19日，张三率我市党政代表团赴某县考察。\n\n代表团一行首先来到我市的挂钩县\n"
            "——某县，考察该县经济、文化及城\n市建设情况。某县地处我省最北部\n，近年来发展很快。\n")
    assert len(segment_page(page).articles) == 1


def test_a_head_and_its_deck_with_a_comma_over_the_paper_s_lead_are_heads() -> None:
    column = 14
    above = "某某市委书记张三到某某区调研，要求加快推进城北发展新貌建设，确保工程如期完工。"
    below = "昨天下午4时，某某市委书记、市人大常委会主任李四到某某代表团看望代表，与代表亲切交谈。"
    wrap = lambda text: "\n".join(text[k:k + column] for k in range(0, len(text), column))  # noqa: E731
    page = (f"{wrap(above)}\n下转第2版\n\n李四看望某某代表团代表\n与代表亲切交谈，畅谈某\n某的发展前景\n"
            f"本报讯 (记者 王五)\n{wrap(below)}\n")
    articles = segment_page(page).articles
    assert len(articles) == 2
    assert (articles[1].title or "").startswith("李四看望某某代表团代表")
    assert articles[1].body.startswith("本报讯")


def test_a_long_head_with_one_clause_break_over_its_lead_is_a_head() -> None:
    lines = [_line("某某县十届人大二次会议举行第二", blank=True),
             _line("次全体会议，表决通过县人民政府工作报告等六项决议"),
             _line("某某新闻网讯（记者 张三", blank=True), _line("）12月23日上午，某某区第十一届")]
    lines[2].lead = True
    promote_wrapped_headlines(lines)
    assert [line.kind for line in lines] == [HEADLINE, HEADLINE, BODY, BODY]


def test_a_long_clause_pair_not_over_a_lead_stays_body() -> None:
    lines = [_line("会议还研究了其他事项。", blank=True),
             _line("某某县十届人大二次会议举行第二", blank=True),
             _line("次全体会议，表决通过县人民政府工作报告等六项决议"),
             _line("会议由张三主持。", blank=True)]
    promote_wrapped_headlines(lines)
    assert lines[1].kind == BODY and lines[2].kind == BODY


def test_a_long_head_alone_at_the_foot_joins_the_cluster() -> None:
    lines = [_line("会议还审议通过了某某办法。（记者", blank=True), _line("张三 通讯员 李四）"),
             _line("某某县人大常委会第八次会议召开", HEADLINE, blank=True),
             _line("某某县人大二次会议举行第二次全体会议，表决通过县人民政府工作报告", blank=True)]
    mark_foot_cluster(lines)
    assert [line.kind for line in lines] == [BODY, BODY, HEADLINE, HEADLINE]


def test_a_head_wider_than_the_column_under_a_report_closed_by_its_credit_stays_a_head() -> None:
    lines = [_line("开创某某高质量发展新"), _line("局面。（记者 张三 通讯员"), _line("李四）"),
             _line("某某食品暨酒店建设项目开工仪式举行", HEADLINE), _line("7月7日上午，市委常委、宣")]
    demote_wrapped_fragments(lines, 13.0)
    assert lines[3].kind == HEADLINE


def test_on_a_page_without_blank_lines_heads_set_wider_than_the_column_at_the_foot_are_heads() -> None:
    lines = [_line("市政协副主席张三陪同调研。"),
             _line("某某市安委会考评组莅临某某区开展201"), _line("5年度安全生产目标管理考评工作"),
             _line("张三代表：落实强首府战略 谋划某某区新发展空间")]
    mark_foot_cluster(lines, 13.0)
    assert [line.kind for line in lines] == [BODY, HEADLINE, HEADLINE, HEADLINE]


def test_lines_set_apart_far_wider_than_the_column_under_a_head_are_heads() -> None:
    lines = [_line("园区动态", HEADLINE, blank=True),
             _line("2022年首个工作日，某某区委常委张三到某某园区调研：经济工作早开局起好步！", blank=True),
             _line("新年伊始，经济工作怎么抓，怎", blank=True), _line("样实现“开门红”……1月4日"),
             _line("市领导与人大代表面对面", HEADLINE, blank=True),
             _line("群策群力，把“我为某某作贡献”落到实处", blank=True),
             _line("3月27日，市领导张三、李四", blank=True)]
    promote_wide_heads(lines, 14.0)
    assert [line.kind for line in lines] == [HEADLINE, HEADLINE, BODY, BODY, HEADLINE, HEADLINE, BODY]


def test_a_wide_sentence_inside_a_report_stays_body() -> None:
    lines = [_line("3月27日，市领导张三、李四", blank=True), _line("来到某某代表团。"),
             _line("会议听取了某某工作情况汇报，部署下步工作", blank=True), _line("会后，张三走访企业。", blank=True)]
    promote_wide_heads(lines, 14.0)
    assert lines[2].kind == BODY


def test_on_a_page_without_blank_lines_a_wide_line_between_two_reports_is_the_next_one_s_head() -> None:
    lines = [_line("委员们提出的意见建议给予肯定"), _line("和积极回应。"),
             _line("共同书写改革发展新篇章，某某区党政领导代表团来某某区考察交流"),
             _line("3月11日，由区委书记张三，区委"), _line("副书记、区长李四率领的代表团来")]
    promote_wide_heads(lines, 16.0)
    assert [line.kind for line in lines] == [BODY, BODY, HEADLINE, BODY, BODY]
    unfinished = [_line("委员们提出的意见建议给予肯定"), _line("和积极回应，共同书写改革发展新篇章和"),
                  _line("某某区党政领导代表团来某某区考察交流工作"), _line("3月11日，由区委书记张三，区委")]
    promote_wide_heads(unfinished, 16.0)
    assert all(line.kind == BODY for line in unfinished)


def test_on_a_page_without_blank_lines_three_unstopped_lines_after_the_last_report_are_heads() -> None:
    lines = [_line("经济社会高质量发展注入活"), _line("水。"), _line("张三调研重点项目建设情况"),
             _line("李四调研重"), _line("点项目建设工作"), _line("县委常委、组织部长王五调研我县部分重点项目进展情况")]
    mark_foot_cluster(lines, 14.0)
    assert [line.kind for line in lines] == [BODY, BODY] + [HEADLINE] * 4


def test_a_long_unpunctuated_line_set_apart_over_a_dateline_is_its_head() -> None:
    from articles.text.wrapped_headlines import promote_long_heads_over_reports

    lines = [_line("会议还研究了其他事项。", blank=True),
             _line("2021年某某县一季度第一批次项目集中开工县城及某某镇分会场在县人民医院项目工地举行", blank=True),
             _line("2021年3月5日上午，某某县2021年一季度第一批次项目集中开工。", blank=True)]
    promote_long_heads_over_reports(lines)
    assert [line.kind for line in lines] == [BODY, HEADLINE, BODY]
    unfinished = [_line("会议指出，要提高站位", blank=True),
                  _line("2021年某某县一季度第一批次项目集中开工县城及某某镇分会场在县人民医院项目工地举行", blank=True),
                  _line("3月5日上午，某某县召开会议。", blank=True)]
    promote_long_heads_over_reports(unfinished)
    assert unfinished[1].kind == BODY


def test_one_line_between_a_head_line_and_the_dateline_is_the_heads_other_line() -> None:
    lines = [_line("大走访 大排查", HEADLINE, blank=True), _line("要坚持鲜明特色，促进某某三脉共振"),
             _line("11月2日，区委书记王建福前往重点企业"), _line("开展大走访。")]
    promote_headlines_above_leads(lines)
    assert [line.kind for line in lines] == [HEADLINE, HEADLINE, BODY, BODY]


def test_a_sentence_between_a_head_and_the_dateline_stays_body() -> None:
    lines = [_line("某某镇召开防汛会议", HEADLINE, blank=True), _line("为做好汛期各项工作，"),
             _line("5月6日，某某镇召开防汛工作会议。")]
    promote_headlines_above_leads(lines)
    assert lines[1].kind == BODY


def test_a_head_printed_under_the_credit_closing_the_report_above_is_a_head() -> None:
    lines = [_line("会议部署了下一步工作。", blank=True), _line("（某某区委老干部局供稿）", BYLINE),
             _line("某某区召开政情通报会 暨重"), _line("阳节座谈会"),
             _line("某某领导来某区调研重点项目", HEADLINE, blank=True), _line("近日，某某市领导来某区调研。")]
    promote_wrapped_headlines(lines)
    assert [line.kind for line in lines[2:4]] == [HEADLINE, HEADLINE]


def test_a_kicker_and_head_too_long_for_one_headline_read_as_heads_in_parts() -> None:
    lines = [_line("（记者 王建福）", BYLINE), _line("某某市第十八届人民代表大会第"),
             _line("四次会议某某区代表团召开全"), _line("体代表会议"), _line("继续审议市政府工作报告"),
             _line("记者 周平", BYLINE), _line("某某讯 1月17日，某某区第十四次代表大会开幕。", blank=True)]
    promote_wrapped_headlines(lines)
    assert [line.kind for line in lines[1:5]] == [HEADLINE] * 4


def test_a_head_and_its_deck_wrapped_over_lines_on_the_dateline_are_one_headline() -> None:
    lines = [_line("第01版 要闻", NOISE), _line("推进某某工程实现赶超发展", blank=True),
             _line("——某某区召开工作部署会，明"), _line("确落实六大产业链群的推进机制"),
             _line("8月24日，某某区召开推进落实工作"), _line("部署会。")]
    promote_head_over_deck(lines)
    assert [line.kind for line in lines[1:]] == [HEADLINE, HEADLINE, HEADLINE, BODY, BODY]


def test_a_dash_line_running_on_into_a_paragraph_is_no_deck() -> None:
    lines = [_line("推进某某工程实现赶超发展", blank=True), _line("——这是某某区干部群众的共同心声。"),
             _line("8月24日，某某区召开推进落实工作"), _line("部署会。")]
    promote_head_over_deck(lines)
    assert lines[0].kind == BODY


def test_a_head_wrapped_on_its_dateline_under_the_head_of_the_report_above_is_a_head() -> None:
    lines = [_line("实现从传统农业到现代农业的蜕变。"), _line("某某县百企联百村活动", HEADLINE),
             _line("成效显著，117个村集体经济收入超10万元", HEADLINE),
             _line("某某自治区人大常委会调研组到某某"), _line("市调研指导工作"),
             _line("5月20日，某某自治区人大常委会调研组"), _line("来到我市调研。")]
    promote_headlines_above_leads(lines)
    assert [line.kind for line in lines[3:]] == [HEADLINE, HEADLINE, BODY, BODY]


def test_a_head_printed_right_under_its_reports_last_sentence_is_a_head() -> None:
    lines = [_line("17时30分，某区第九届人民代表大会第", blank=True), _line("四次会议胜利闭幕。会议历时两天。"),
             _line("某区第九届人民代表大会第"), _line("四次会议胜利闭幕"),
             _line("11月13日，市委书记王建福到某县调研。", blank=True)]
    promote_heads_closing_blocks(lines)
    assert [line.kind for line in lines] == [BODY, BODY, HEADLINE, HEADLINE, BODY]


def test_a_last_sentence_that_lost_its_full_stop_stays_body() -> None:
    lines = [_line("17时30分，某区人大会议胜利闭幕。", blank=True),
             _line("会议号召全区人民团结一心，为建设现代化"), _line("滨河城区而努力奋斗"),
             _line("11月13日，市委书记王建福到某县调研。", blank=True)]
    promote_heads_closing_blocks(lines)
    assert [line.kind for line in lines[1:3]] == [BODY, BODY]


def test_a_head_wrapped_short_over_the_report_it_runs_into_is_a_head() -> None:
    lines = [_line("第6版 要闻", NOISE), _line("王建福到某区调研：树牢为民情", blank=True), _line("怀 扎实推进乡村振兴"),
             _line("今天（2月8日）上午，省委常委、"), _line("市委书记王建福来到某区调研。")]
    promote_heads_ending_short(lines, 14.0)
    assert [line.kind for line in lines[1:]] == [HEADLINE, HEADLINE, BODY, BODY]


def test_a_paragraphs_full_lines_and_its_short_last_line_stay_body() -> None:
    lines = [_line("某某镇组织干部深入田间地头指导", blank=True), _line("春耕生产。"), _line("今年，全镇种植水稻一万亩。")]
    promote_heads_ending_short(lines, 14.0)
    assert lines[0].kind == BODY  # its short last line closes the sentence
    lines = [_line("12 月 19 日至 20", blank=True), _line("日，某某市委宣传部组织采访活动。")]
    promote_heads_ending_short(lines, 14.0)
    assert lines[0].kind == BODY


def test_a_short_line_the_sentence_runs_on_from_is_no_head_over_a_report() -> None:
    lines = [_line("某某镇开展为民服务活动。"), _line("一、用心解民困", blank=True),
             _line("局机关第三党支部书记刘涛", blank=True), _line("带队到某某社区走访，与社区书记座谈，")]
    promote_heads_ending_short(lines, 16.0)
    assert lines[2].kind == BODY


def test_a_ragged_column_s_long_line_running_into_its_sentence_is_body() -> None:
    lines = [_line("某某镇召开工作会议。", blank=True), _line("王建福在认真听取大南代表团党代表", HEADLINE, blank=True),
             _line("发言后指出，要抓好落实。")]
    demote_wrapped_fragments(lines, 13.0)
    assert lines[1].kind == BODY
