"""The learned article-break model: its features, the shipped weights, and how segmentation uses it."""
from __future__ import annotations

import json

import pytest

from articles.text import boundaries
from articles.text.segment import segment_page


def _ctx(lead: str, before: str = "5月6日，某某镇召开防汛工作会议，部署汛期安全工作。镇长李四参加。", **kw) -> boundaries.Context:
    values = dict(blank_before=True, indent=False, above_opened_with_lead=True, above_titled=True,
                  above_chars=len(before), above_paragraphs=2, blank_lines_split=False, hard_wrapped=False)
    values.update(kw)
    return boundaries.Context(before=before, lead=lead, **values)


@pytest.mark.parametrize(("lead", "name"), [
    ("12月7日下午，区委常委会集体调研五星街道。", "day_start"),
    ("３月４日下午，区长调研。", "day_start"),
    ("11月15曰，区人大常委会组织视察。", "day_start"),
    ("■ 6月27日，区委召开常委会。", "bullet_x_date"),
    ("● 6月27日，区委召开常委会。", "day_start"),
    ("近日，某某街道举办读书月活动。", "relative_start"),
    ("春节将至，连日来，区委书记张某分别率队走访。", "relative_start"),  # after a short scene clause
    ("东城新闻讯（李四）金秋时节，", "any_lead"),
    ("会上，李四传达了上级精神。", "back_reference"),
    ("李四强调，要压实责任。", "speech"),
])
def test_features_read_how_a_paragraph_opens(lead: str, name: str) -> None:
    assert boundaries.features(_ctx(lead))[name] == 1.0


def test_an_official_the_report_introduced_returns_by_bare_name() -> None:
    above = "春节后上班第一天，省委常委、省纪委书记孙立明来我市参加走访调研活动。市领导陪同调研。"
    assert boundaries.names_returning_official("2月3日上午，孙立明一行来到某某集团调研。", above)
    # A new report introduces its official with a title, and a stranger is a stranger.
    assert not boundaries.names_returning_official("2月3日上午，区委书记孙立明来到某某集团调研。", above)
    assert not boundaries.names_returning_official("2月3日上午，赵大海一行来到某某集团调研。", above)


def test_an_official_back_by_name_and_short_title_continues_the_visit() -> None:
    above = "本报讯 近日，县政协主席孙立明带领考察组前往某市开展交流活动。双方座谈交流。"
    assert boundaries.names_returning_official("6月23日，孙立明主席一行实地参观了农业展示馆。", above)
    assert boundaries.names_returning_official("孙立明主席一行还参观了农业展示馆。", above)
    assert not boundaries.names_returning_official("6月23日，赵大海主席一行实地参观了农业展示馆。", above)


def test_a_scheduled_day_is_no_dateline() -> None:
    assert boundaries.features(_ctx("县第十八届人民代表大会第五次会议将于7月12日召开。"))["date_early"] == 0.0
    assert boundaries.features(_ctx("大会定于7月12日开幕。"))["date_early"] == 0.0


def test_the_start_of_a_period_looked_back_on_is_no_dateline() -> None:
    assert boundaries.features(_ctx("走访工作自今年2月21日开始，将历时约一个月。"))["date_early"] == 0.0
    assert boundaries.features(_ctx("展览馆于今年9月1日正式向公众开放。"))["date_early"] == 0.0
    assert boundaries.features(_ctx("2024年9月1日，全区召开大会。"))["date_early"] == 1.0


@pytest.mark.parametrize(("lead", "dated"), [
    ("按照工作安排，12月3日起巡查组将延伸巡查各乡镇。", 0.0),
    ("各单位要在6月30日前完成整改。", 0.0),
    ("据悉，本次活动将持续至6月1日，期间还将举办对接会。", 0.0),
    ("12月3日，巡查组到某镇开展巡查。", 1.0),
    ("12月3日起草的方案经会议审议通过。", 1.0),
])
def test_the_first_or_last_day_of_a_period_is_no_dateline(lead: str, dated: float) -> None:
    assert boundaries.features(_ctx(lead))["date_early"] == dated


def test_a_range_of_days_that_drops_its_first_day_mark_is_a_dateline() -> None:
    assert boundaries.features(_ctx("12月19至20日，由某某县人民政府主办的对接会在某某县举行。"))["date_first_sentence"] == 1.0


def test_the_cut_off_day_of_a_statistic_is_no_dateline() -> None:
    assert boundaries.features(_ctx("据统计，截至10月24日，全区已备耕2万亩。"))["date_early"] == 0.0
    assert boundaries.features(_ctx("据统计，10月24日全区召开会议。"))["date_early"] == 1.0


def test_a_relative_time_deep_in_a_sentence_is_not_an_opening() -> None:
    assert boundaries.features(_ctx("会议要求各单位认真落实，近日要完成排查。"))["relative_start"] == 0.0


def test_a_bullet_is_its_own_evidence_not_a_reference_back() -> None:
    values = boundaries.features(_ctx("■关键词：提案 区政协召开常委会议。"))
    assert values["bullet"] == 1.0 and values["back_reference"] == 0.0 and values["bullet_x_date"] == 0.0


def test_a_bracketed_credit_closing_the_article_above_is_evidence() -> None:
    ended = boundaries.features(_ctx("5月8日，某某。", before="某某镇召开会议。镇长李四参加。（赵文明）"))
    assert ended["above_ends_credit"] == 1.0
    assert boundaries.features(_ctx("5月8日，某某。"))["above_ends_credit"] == 0.0


def test_a_dateline_in_the_second_sentence_is_evidence() -> None:
    values = boundaries.features(_ctx("老城厢是城市的根与魂。7月22日，区委副书记到老城厢调研。"))
    assert values["date_second_sentence"] == 1.0 and values["date_first_sentence"] == 0.0
    assert boundaries.features(_ctx("老城厢是城市的根与魂。会上，某某发言。"))["date_second_sentence"] == 0.0


def test_noise_between_is_read_from_the_context() -> None:
    assert boundaries.features(_ctx("某某。", noise_between=True))["noise_between"] == 1.0
    assert boundaries.features(_ctx("某某。"))["noise_between"] == 0.0


def test_a_date_naming_an_event_of_the_story_is_a_reference_back() -> None:
    values = boundaries.features(_ctx("6月22日召开的座谈会上，两地政协围绕平台建设交流。"))
    assert values["back_reference"] == 1.0 and values["day_start"] == 0.0


def test_a_headline_that_fits_the_next_paragraph_better_than_its_body_is_evidence() -> None:
    head = "某某区政协召开协商议事推进会"
    before = head + "5月6日，某某区人大代表集中视察政府工作。"
    fits = boundaries.features(_ctx("近日，某某区政协召开协商议事推进会。", before=before, head=head))
    assert fits["head_fits_lead"] == 1.0
    own = boundaries.features(_ctx("代表们纷纷表示要发挥作用。", before=before, head=head))
    assert own["head_fits_lead"] == 0.0


@pytest.mark.parametrize(("lead", "expected"), [
    ("■注重思想引领，提升文明实践凝聚力", 1.0),
    ("■ 5月6日，某某街道举办运动会。", 0.0),
    ("■近日，某某街道举办运动会。", 0.0),
    ("■本报讯 某某街道举办运动会。", 0.0),
])
def test_bullet_subheads(lead: str, expected: float) -> None:
    assert boundaries.features(_ctx(lead))["bullet_subhead"] == expected


def test_novelty_measures_words_the_article_above_never_used() -> None:
    same = boundaries.features(_ctx("某某镇防汛工作会议部署汛期安全工作。"))
    new = boundaries.features(_ctx("某某街道举办社区运动会，居民踊跃参加拔河比赛。"))
    assert same["novelty"] < 0.2 < 0.66 < new["novelty"]


def test_a_new_official_named_in_the_lead_is_evidence() -> None:
    assert boundaries.features(_ctx("5月8日，区委书记王五带队调研。"))["new_official"] == 1.0
    assert boundaries.features(_ctx("5月8日，镇长李四带队调研。"))["new_official"] == 0.0


def test_shipped_model_is_small_deterministic_json() -> None:
    data = json.loads(boundaries.MODEL_PATH.read_text(encoding="utf-8"))
    assert set(data) == {"bias", "threshold", "weights"}
    assert set(data["weights"]) <= set(boundaries.features(_ctx("x")))
    model = boundaries.load_model()
    assert boundaries.load_model(boundaries.MODEL_PATH).to_json() == model.to_json()


def test_shipped_model_breaks_at_a_new_dated_report_and_not_at_a_reference_back() -> None:
    model = boundaries.shipped_model()
    assert model.starts_article(_ctx("5月9日上午，某某街道举办社区运动会，800余名居民参加拔河比赛。"))
    assert not model.starts_article(_ctx("会上，李四就下一步防汛工作提出要求。"))


def test_model_probability_is_a_logistic_of_the_weighted_features() -> None:
    model = boundaries.Model(weights={"day_start": 2.0}, bias=-1.0, threshold=0.5)
    assert model.probability(_ctx("5月9日，某某。")) == pytest.approx(1 / (1 + 2.718281828 ** -1.0), rel=1e-6)
    assert not model.starts_article(_ctx("某某。"))


def test_segmenter_asks_the_model_and_reports_each_decision() -> None:
    page = "某某镇召开防汛工作会议\n\n5月6日，某某镇召开防汛工作会议。\n\n5月9日，某某街道举办运动会。\n"
    seen: list[int] = []

    class Never(boundaries.Model):
        def decide(self, values: dict[str, float]) -> bool:
            return False

    never = Never(weights={}, bias=0.0)
    assert len(segment_page(page, model=never, observe=lambda ctx, n: seen.append(n)).articles) == 1
    assert seen == [4]  # the printed line the decision was about
    always = boundaries.Model(weights={}, bias=30.0)
    assert len(segment_page(page, model=always).articles) == 2


def test_a_titled_feature_keeps_its_first_dateline() -> None:
    page = "巡河路上的老党员\n\n“河道干净了。”村民们说。\n\n5月3日，某某村护河队上岗，十余名老党员轮流巡河。\n"
    always = boundaries.Model(weights={}, bias=30.0)
    assert len(segment_page(page, model=always).articles) == 1


def test_a_paragraph_naming_only_who_else_attended_is_flagged() -> None:
    assert boundaries.features(_ctx("县水务局局长孙海出席会议。"))["lead_is_attendance"] == 1.0
    roll = "区委副书记张某,区委常委王某、李某、赵某、钱某、孙某、周某、吴某、郑某、冯某出席会议。"
    assert boundaries.features(_ctx(roll))["lead_is_attendance"] == 1.0
    assert boundaries.features(_ctx("近日，县水务局召开防汛工作会议，部署汛期工作。"))["lead_is_attendance"] == 0.0


def test_a_dated_report_after_a_dated_report_is_flagged() -> None:
    values = boundaries.features(_ctx("2月19日，区长张某调研部分重点项目建设。", opening="2月6日，区长张某走访慰问老干部。"))
    assert values["dated_after_dated"] == 1.0
    values = boundaries.features(_ctx("2月19日，区长张某调研部分重点项目建设。", opening="本报讯 区长张某走访慰问老干部。"))
    assert values["dated_after_dated"] == 0.0


def test_a_relative_dateline_is_told_from_a_scene_setting_opening() -> None:
    assert boundaries.features(_ctx("日前，县长钟某带领安委会成员单位检查安全生产。"))["relative_dateline"] == 1.0
    assert boundaries.features(_ctx("当前正值春季防火关键时期，火灾风险增大。"))["relative_dateline"] == 0.0


@pytest.mark.parametrize(("lead", "expected"), [
    ("今天上午，某某社记者一行来我县调研采访。", 1.0), ("昨日，某某县召开会议。", 1.0), ("今天是个好日子。", 0.0),
])
def test_today_and_yesterday_are_relative_datelines(lead: str, expected: float) -> None:
    assert boundaries.features(_ctx(lead))["relative_dateline"] == expected


def test_refers_back() -> None:
    assert boundaries.refers_back("会议充分肯定了过去一年的工作。")
    assert boundaries.refers_back("与此同时，某某市各乡镇在4月1日至11日期间将举办多项活动。")
    assert boundaries.refers_back("讨论中，委员们建言献策。")
    assert boundaries.refers_back("半天的集中视察行程中，委员们边走边看。")
    assert boundaries.refers_back("政协委员们视察了现代农业产业园。")
    assert boundaries.refers_back("与会人员一致认为，要抓好落实。")
    assert not boundaries.refers_back("5月3日，某某县召开会议。")


def test_the_order_of_business_of_a_meeting_refers_back() -> None:
    assert boundaries.refers_back("在主席台就座的有：主席团成员和其他县级领导。")
    assert boundaries.refers_back("出席会议的还有县人大常委会副主任张三。")
    assert boundaries.refers_back("大会执行主席、县人大常委会主任李四主持大会。")
    assert not boundaries.refers_back("4月24日，某某县政协副主席王五一行来我县考察。")


def test_what_someone_in_the_story_said_is_reported_speech() -> None:
    assert boundaries.reports_speech("县委副书记张三介绍了我县产业培育情况。")
    assert boundaries.reports_speech("■ 李四指出，要抓好春耕生产。")
    assert not boundaries.reports_speech("4月7日，某某县党政考察团在某某县考察交流。")
    # …also after a long title before the name
    assert boundaries.reports_speech("某某县开发区投资促进局副局长王建福表示，近年来，某某县不断优化营商环境。")
    assert not boundaries.reports_speech("某某县开发区投资促进局近日召开会议，部署招商工作。")


def test_who_else_took_part_closes_a_report_unless_it_has_its_own_dateline() -> None:
    assert boundaries.reports_attendance_only("某某市政府副秘书长张三，区领导李四、王五等参加相关活动。某某纪念馆位于某某路。")
    assert not boundaries.reports_attendance_only("8月30日，县政协主席张三主持召开主席会议，李四、王五参加会议。")


def test_the_group_a_report_introduced_back_as_the_subject_refers_back() -> None:
    assert boundaries.refers_back("市、县领导在督导结束之后，均对下一阶段工作提出了具体要求。")
    assert boundaries.refers_back("调研组一行先后来到某某村、某某社区。")
    assert not boundaries.refers_back("11月10日，市、县领导到某某企业督导安全生产工作。")


def test_a_dateline_whose_month_the_source_dropped_is_a_date_first_sentence() -> None:
    assert boundaries.features(_ctx("929日下午，代市长张三主持召开市长办公会。"))["date_first_sentence"] == 1.0
    assert boundaries.features(_ctx("全年共完成120日的任务，成效明显。"))["date_first_sentence"] == 0.0


def test_a_report_opening_on_a_dateline_without_its_month_is_cut_from_the_one_above() -> None:
    page = ("9月27日，副市长张三深入某某县检查森林防火工作，\n市林草局负责同志参加检查。\n"
            "张三强调，要严防死守，筑牢防线。\n"
            "929日下午，代市长李四主持召开市长办公会，王五、赵六出席会议。\n"
            "会议听取了安全生产工作推进情况汇报。\n")
    articles = segment_page(page).articles
    assert [a.body[:4] for a in articles] == ["9月27", "929日"]


@pytest.mark.parametrize("lead", ["凝聚共识，汇集众智，科学决策。2018年元旦前夕，某某市政协举行新年茶话会。",
                                  "春节前夕，区委书记张三走访慰问困难群众。"])
def test_a_holiday_named_as_the_time_of_the_news_dates_the_paragraph(lead: str) -> None:
    values = boundaries.features(_ctx(lead))
    assert values["date_second_sentence"] == 1.0 or values["relative_dateline"] == 1.0


def test_an_official_back_by_bare_name_doing_more_goes_on_with_the_visit() -> None:
    before = "5月19日，某某市委书记张三带队在某市拜访省直相关部门。张三首先拜访了省文旅厅。"
    assert boundaries.names_returning_official("5月20日，张三还考察了某某公司，洽谈投资项目。", before)



def test_a_lead_moving_to_a_district_the_story_above_never_named_is_evidence() -> None:
    before = "6月1日，萧山区瓜沥镇召开防汛会议。"
    assert boundaries.features(_ctx("近日，宁乡市某某街道开展安全检查。", before=before))["new_place"] == 1.0


def test_a_lead_staying_in_the_district_of_the_story_above_is_no_move() -> None:
    # 瓜沥镇 belongs to 萧山区, named above in full; on a district paper every story stays there.
    assert boundaries.features(_ctx("会后，瓜沥镇组织人员检查堤防。", before="6月1日，萧山区召开防汛会议。"))["new_place"] == 0.0
    assert boundaries.features(_ctx("近日，某某街道开展安全检查。", before="6月1日，萧山区召开防汛会议。"))["new_place"] == 0.0
