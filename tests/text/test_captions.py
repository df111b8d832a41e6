"""captions: photo captions among a page's lines, told by marks, credits and place (invented text)."""
from __future__ import annotations

from articles.text.line_roles import classify
from articles.text.page_lines import BODY, NOISE, Line, split_lines


def _classified(text: str, *, column: float | None = None) -> list[Line]:
    """The page's lines with their roles; ``column`` for a page hard-wrapped at that width."""
    lines = split_lines(text)
    classify(lines, hard_wrapped=column is not None, width=column or 40.0)
    return lines


def _kinds(text: str) -> dict[str, str]:
    return {line.text: line.kind for line in _classified(text)}



def test_a_wrapped_paragraph_closed_by_a_photo_credit_is_a_caption() -> None:
    page = ("某某区召开工作会议，部署全年工作。\n\n4月28日，区委书记张三在某某\n镇某某村了解示范村建设情况。本报记者 李四\n摄\n\n"
            "本报讯（记者 王五）4月29日，某某区召开安全生产会议。\n")
    kinds = _kinds(page)
    assert kinds["4月28日，区委书记张三在某某"] == NOISE
    assert kinds["镇某某村了解示范村建设情况。本报记者 李四"] == NOISE
    assert kinds["摄"] == NOISE


def test_a_report_paragraph_naming_a_photographer_stays_body() -> None:
    page = ("4月28日，区委书记张三在某某镇调研。区摄影家协会会员李四等参加活动。\n"
            "活动共展出作品两百余幅，吸引市民数千人次参观。\n")
    assert set(_kinds(page).values()) == {BODY}


def test_a_scene_caption_does_not_run_on_into_the_report_below() -> None:
    page = ("6月8日，区长张三主持召开区政府党组会议。区领导李四、王五\n列席会议。\n会议现场\n"
            "会议传达学习了贯彻落实省委某某\n书记关于推动某某产业发展的指示精神。\n")
    kinds = _kinds(page)
    assert kinds["会议现场"] == NOISE
    assert kinds["会议传达学习了贯彻落实省委某某"] == BODY


def test_a_block_of_credited_captions_is_furniture() -> None:
    page = ("某某城区一角。 张三 摄\n某某公园。(某某公园管理有限公司供图)\n某某露营基地。 李四 摄\n\n"
            "锚定目标 阔步前行\n\n75年日月轮换，75年沧海桑田。回首来路，某某区干部群众砥砺前行。\n")
    kinds = _kinds(page)
    assert [kinds[t] for t in ("某某城区一角。 张三 摄", "某某公园。(某某公园管理有限公司供图)", "某某露营基地。 李四 摄")] == [NOISE] * 3


def test_the_wrapped_rest_of_a_caption_is_noise_even_when_it_looks_like_a_head() -> None:
    page = ("县委书记张三深入某某镇调研，要求带动更多群众增收致富。\n图为:在某某线路段了解雪\n天道路交通状况\n"
            "在某某线路段，张三详细了解了雪天道路交通状况。\n")
    kinds = _kinds(page)
    assert kinds["图为:在某某线路段了解雪"] == NOISE and kinds["天道路交通状况"] == NOISE


def test_a_sentence_over_a_head_that_the_report_says_again_is_its_caption() -> None:
    page = ("2025年6月24日 星期二\n\n1月12日，区政协六届六次会议在\n某某大会堂隆重开幕。\n\n"
            "区政协六届六次会议隆重开幕\n\n1月12日，中国人民政治协商会议第六届某某区委员会第六次会议"
            "在某某大会堂隆重开幕。张三出席大会并讲话。\n")
    lines = _classified(page)
    kinds = {line.text: line.kind for line in lines}
    assert kinds["1月12日，区政协六届六次会议在"] == NOISE
    assert kinds["区政协六届六次会议隆重开幕"] != NOISE


def test_a_report_over_another_head_is_no_caption() -> None:
    page = ("1月12日，区政协六届六次会议在某某大会堂隆重开幕。\n\n区政府召开常务会议\n\n"
            "6月20日，区长李四主持召开区政府第87次常务会议，研究部署近期工作。\n")
    lines = _classified(page)
    assert lines[0].kind == BODY


def test_a_caption_closed_by_its_picture_source_is_furniture() -> None:
    page = ("某某县召开常务会议，确保抓好落实，让人民满意。\n\n考察团一行在某某汽贸城。图\n片来源:某某县文化馆\n\n"
            "11月14日，某某县县委副书记张三率代表团来某某县考察工作。\n")
    lines = _classified(page, column=14.0)
    assert [line.kind for line in lines[1:3]] == [NOISE, NOISE]


def test_a_block_of_captions_that_never_close_a_sentence_is_furniture() -> None:
    page = ("各乡镇结合实际明确举措、亮明决心，\n处处彰显昂扬斗志。\n\n"
            "某某社张三一行在某某广场实\n地视察，县领导李四陪同调研\n某某社张三一行在经济开发区实\n"
            "地视察，县领导李四、王五陪同调\n研\n\n本报讯（记者 赵六）日前，某某社\n副总编张三一行来我县采访。\n")
    lines = _classified(page, column=15.0)
    kinds = {line.text: line.kind for line in lines}
    assert kinds["某某社张三一行在某某广场实"] == NOISE and kinds["研"] == NOISE
    assert kinds["处处彰显昂扬斗志。"] == BODY


def test_a_paragraph_with_its_full_stop_is_no_caption() -> None:
    page = ("各乡镇明确举措。\n\n某某社张三一行在某某广场实地视察，县领导李四陪同调研。\n\n"
            "本报讯（记者 赵六）日前，某某社副总编张三一行来我县采访。\n")
    lines = _classified(page)
    assert lines[1].kind == BODY


def test_company_names_alone_label_the_pictures() -> None:
    page = ("当天，采风队伍先后走访了多家企业，现场交流互动热烈。\n某某照明有限公司\n某某橡胶科技有限公司\n\n"
            "4月7日，某某县政协召开议政大会。\n")
    lines = _classified(page)
    assert [line.kind for line in lines[1:3]] == [NOISE, NOISE]


def test_head_lines_inside_one_pair_of_brackets_are_a_caption() -> None:
    page = ("在座谈会上，调研组观看了某某新区宣传片。\n\n（民建某某省委来某某新区\n调研座谈会）\n\n"
            "市委统战部常务副部长张三、县委副书记李四参加座谈会。\n")
    lines = _classified(page)
    assert [line.kind for line in lines[1:3]] == [NOISE, NOISE]


def test_a_row_of_captions_opening_alike_inside_a_report_is_noise() -> None:
    page = ("7月7日上午，市委常委张三带领相关部门负责人现场调度创城工作。\n"
            "现场视察某某之家\n现场视察某某市场\n现场视察某某商城\n"
            "市领导要求，各站点积极推进公益广告设置工作。\n")
    kinds = _kinds(page)
    assert [kinds[t] for t in ("现场视察某某之家", "现场视察某某市场", "现场视察某某商城")] == [NOISE] * 3


def test_two_heads_opening_alike_at_the_foot_stay_heads() -> None:
    page = ("7月7日上午，市委常委张三带领相关部门负责人现场调度创城工作。\n\n"
            "某某区召开创城推进会\n某某区召开防汛工作会\n某某区召开招商引资会\n")
    kinds = _kinds(page)
    assert kinds["某某区召开创城推进会"] != NOISE and kinds["某某区召开招商引资会"] != NOISE


def test_a_caption_run_into_a_page_without_blank_lines_is_noise() -> None:
    page = ("各镇要抓好冬季防火和道路\n安全。\n1月29日，某某区区长张三\n在演播室与网友在线交流，\n"
            "回答网友提问。记者 李\n四摄\n张三就城区停车难等问题\n作答。记者\n李四摄\n"
            "某某1月29日讯（融媒体报\n道组）1月29日，某某区区长\n张三走进演播室与网友交流。\n")
    lines = _classified(page, column=13.0)
    kinds = {line.text: line.kind for line in lines}
    assert [kinds[t] for t in ("1月29日，某某区区长张三", "回答网友提问。记者 李", "四摄", "作答。记者", "李四摄")] == [NOISE] * 5
    assert kinds["安全。"] == BODY and kinds["道组）1月29日，某某区区长"] == BODY


def test_a_report_s_last_sentence_before_its_photo_credit_opening_mid_line_stays_body() -> None:
    page = ("5月6日，某某县召开防汛工作会议，部\n署汛期安全工作。会议传达了上级防\n汛工作会议精神，通报了全县汛期准\n"
            "备情况，安排部署了下阶段重点工作\n，要求各乡镇各部门压实责任，确保\n安全度汛。县长张三主持会议并讲话\n"
            "，要求压实责任。记者 李四 摄\n")
    kinds = {line.text: line.kind for line in _classified(page, column=17.0)}
    assert kinds["安全度汛。县长张三主持会议并讲话"] == BODY


def test_a_caption_whose_credit_puts_a_slash_before_the_shot_is_noise() -> None:
    page = ("某某县委书记张三：某某将建设美丽县城\n\n张三向记者介绍近期开展的活动。记者李四/摄\n\n"
            "4月9日下午，县委书记张三与某某集团董事长座谈。\n")
    assert _kinds(page)["张三向记者介绍近期开展的活动。记者李四/摄"] == NOISE


def test_a_caption_credited_to_an_outlet_with_a_slash_is_noise() -> None:
    page = ("某某书记在某某县调研时强调\n\n3月23日，自治区党委书记张三来到某某储气库集注站，详细了解项目建设"
            "运行情况。某某云/某某日报记者李四摄\n\n某某云/某某日报讯（记者王五报道）张三3月23日在某某县调研。\n")
    assert _kinds(page)["3月23日，自治区党委书记张三来到某某储气库集注站，详细了解项目建设运行情况。某某云/某某日报记者李四摄"] == NOISE


def test_a_scene_line_naming_the_report_s_official_inside_the_report_is_a_caption() -> None:
    page = ("4月11日下午，某某县委书记张三深入某某镇，实地调研乡村振兴示范区规划建设情况。\n\n"
            "某某县委书记张三一行先后来到某某谷、某某寨实地调研\n\n"
            "县领导李四、王五及相关部门主要负责人参加调研。\n")
    assert _kinds(page)["某某县委书记张三一行先后来到某某谷、某某寨实地调研"] == NOISE


def test_a_sub_head_inside_a_report_naming_nobody_stays() -> None:
    page = ("4月11日下午，某某县委书记张三深入某某镇，实地调研乡村振兴示范区规划建设情况。\n\n"
            "统筹推进乡村振兴示范区规划建设\n\n县领导李四、王五及相关部门主要负责人参加调研。\n")
    assert _kinds(page)["统筹推进乡村振兴示范区规划建设"] != NOISE


def test_a_caption_with_its_credit_in_brackets_before_the_full_stop_under_a_byline_is_noise() -> None:
    page = ("4月13日，某某市督查组对某某镇新型城镇化建设进行督查，要求加快项目建设进度，确保工作取得重大突破。\n"
            "作者：张三丰\n3月31日拍摄的某某旗2023年重点项目集\n中开工仪式现场（无人机照片\n某某社记者李四 摄）。\n"
            "某某网某某3月31日电（记者李四）当日，某某旗举行重点项目集中开工仪式。\n")
    kinds = {line.text: line.kind for line in _classified(page, column=14.0)}
    assert kinds["中开工仪式现场（无人机照片"] == NOISE and kinds["某某社记者李四 摄）。"] == NOISE


def test_a_caption_with_no_full_stop_and_a_spaced_credit_is_furniture() -> None:
    page = ("本报讯 日前，某某县开发区一家设备生产车间内，工人们正在加快生产进度。\n\n"
            "工作人员在调试自动化设备 摄影\n王建福\n\n某某对接会现场 刘涛摄\n\n某某义诊活动现场 供图\n\n"
            "据了解，某某县设备产业经过多年发展，已形成产业集群。\n")
    kinds = _kinds(page)
    assert [kinds[t] for t in ("工作人员在调试自动化设备 摄影", "王建福", "某某对接会现场 刘涛摄", "某某义诊活动现场 供图")] == [NOISE] * 4
    assert kinds["据了解，某某县设备产业经过多年发展，已形成产业集群。"] == BODY


def test_short_captions_printed_tight_between_a_head_and_its_dateline_are_furniture() -> None:
    page = ("某某县召开春耕生产推进会，部署当前农业生产工作。\n\n"
            "某某：秋茶上市 茶农喜增收\n茶农等待卖茶。\n收到的新鲜茶叶。\n"
            "近日，笔者在某某县茶山看到，傍晚\n时分茶农纷纷把当天采摘到的秋茶\n背到加工基地售卖。\n")
    lines = _classified(page, column=16.0)
    kinds = {line.text: line.kind for line in lines}
    assert kinds["茶农等待卖茶。"] == NOISE and kinds["收到的新鲜茶叶。"] == NOISE


def test_the_short_last_line_of_a_paragraph_over_a_dateline_stays_body() -> None:
    page = ("本报讯 近日，某某县召开春耕生产推进\n会，部署当前农业生产工作，把芒果\n种植面积扩大到二十万亩。\n"
            "到二十万亩。\n5月3日，某某镇召开防汛工作会议，\n部署汛期安全工作。\n")
    kinds = {line.text: line.kind for line in _classified(page, column=16.0)}
    assert kinds["到二十万亩。"] == BODY


def test_a_caption_closed_by_a_bracketed_photo_credit_under_a_head_is_noise_on_a_tight_page() -> None:
    kinds = _kinds("某某区行政区划调整20周年\n远亲不如近邻（某某快报供图）\n今年是某某区行政区划调整20周年，"
                   "20年来某某区持续快速发展。\n")
    assert kinds["远亲不如近邻（某某快报供图）"] == NOISE


def test_a_short_line_closing_a_report_by_saying_its_last_sentence_again_is_a_caption() -> None:
    page = ("某某节开幕\n\n上午10时，在国歌声中某某节开幕式开始。随后，省委书记王建福宣布2019年某某节\n开幕。\n"
            "省委书记王建福宣布开幕。\n\n某某市政协主席带队考察\n\n9月3日，某某市政协主席刘涛带队考察。\n")
    kinds = _kinds(page)
    assert kinds["省委书记王建福宣布开幕。"] == NOISE
    assert kinds["开幕。"] == BODY


def test_a_short_closing_sentence_saying_something_new_stays_body() -> None:
    page = ("某某节开幕\n\n上午10时，在国歌声中某某节开幕式开始。随后，省委书记王建福宣布2019年某某节\n开幕。\n"
            "县领导刘涛参加活动。\n\n某某市政协主席带队考察\n\n9月3日，某某市政协主席刘涛带队考察。\n")
    assert _kinds(page)["县领导刘涛参加活动。"] == BODY


def test_a_photo_story_under_its_own_head_is_no_caption() -> None:
    page = ("第8版 图片新闻\n\n某某山下春来早\n2月18日，某某镇村民在田间春耕（无人机照片）。\n"
            "早春时节，某某区紧抓农时，田间地头处处是忙碌的身影。\n新华社记者 周平 摄\n")
    kinds = _kinds(page)
    assert kinds["某某山下春来早"] != NOISE
    assert kinds["早春时节，某某区紧抓农时，田间地头处处是忙碌的身影。"] == BODY


def test_a_sentence_and_its_photo_credit_on_one_line_between_paragraphs_is_a_caption() -> None:
    page = ("某某乡万寿菊盛放\n\n某某花盛放。 某某乡供图\n8月以来，某某乡1900亩万寿菊正迎来盛放时节。\n"
            "航拍某某稻田（9月15日摄）。某某网发\n今年，全乡7个村共同投身万寿菊产业。\n")
    kinds = _kinds(page)
    assert kinds["某某花盛放。 某某乡供图"] == NOISE
    assert kinds["航拍某某稻田（9月15日摄）。某某网发"] == NOISE
    assert kinds["今年，全乡7个村共同投身万寿菊产业。"] == BODY


def test_a_caption_closed_by_a_provider_credit_does_not_run_on_into_the_report() -> None:
    page = ("某某文化节开幕\n\n9月27日晚，某某文化节开幕式迎宾晚会在某县举办。\n图为活动现场 主办方 供图\n"
            "晚会由嘉宾致辞、作品捐赠颁证仪式及节目演出等环节组成。\n")
    kinds = _kinds(page)
    assert kinds["晚会由嘉宾致辞、作品捐赠颁证仪式及节目演出等环节组成。"] == BODY
