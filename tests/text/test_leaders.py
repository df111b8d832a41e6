"""Leaders: invented sentences (titles, lists, non-leaders, damaged text) and the gold seeds."""
from __future__ import annotations

import re

import pytest

from articles.text.leaders import find_leaders
from tests.text.gold_bodies import GOLD_FILES, load


def as_dict(text: str, **kw) -> dict[str, list[str]]:
    return {m.name: m.titles for m in find_leaders(text, **kw)}


@pytest.mark.parametrize("text, expected", [
    ("区委副书记、区长王海涛在会上指出，要抓好落实。",
     {"王海涛": ["区委副书记", "区长"]}),
    ("本报讯 日前，县委书记赵一鸣赴某镇调研。", {"赵一鸣": ["县委书记"]}),
    ("会上，区委常委、副区长周敏、何立新作交流发言。",
     {"周敏": ["区委常委", "副区长"], "何立新": ["区委常委", "副区长"]}),
    ("区领导马骏、孔德林、彭丽华出席会议。",
     {"马骏": ["区领导"], "孔德林": ["区领导"], "彭丽华": ["区领导"]}),
    ("某某县领导贺文、谢一凡参加活动。", {"贺文": ["某某县领导"], "谢一凡": ["某某县领导"]}),
    ("1月4日上午，区政协领导刘国新、周文俊走访委员。", {"刘国新": ["区政协领导"], "周文俊": ["区政协领导"]}),
    ("区人大常委会主任吕国强、区政协主席宋春燕等出席。",
     {"吕国强": ["区人大常委会主任"], "宋春燕": ["区政协主席"]}),
    ("区委宣传委员会委员蒋一、韩梅梅等出席会议。",
     {"蒋一": ["区委宣传委员会委员"], "韩梅梅": ["区委宣传委员会委员"]}),
    ("市委组织部副部长、市人才工作局局长潘 一 鸣出席。",
     {"潘一鸣": ["市委组织部副部长", "市人才工作局局长"]}),
    ("巡察三组副组长孟浩然说。", {"孟浩然": ["巡察三组副组长"]}),
    ("面对群众，区委巡察一组组长曹丽说。", {"曹丽": ["区委巡察一组组长"]}),
    ("村党总支部书记姚金根带领党员学习。", {"姚金根": ["村党总支部书记"]}),
    ("区人民法院院长方志远出席会议。", {"方志远": ["区人民法院院长"]}),
    ("区委常委、区人武部政委苗建国，区人武部部长安海林出席。",
     {"苗建国": ["区委常委", "区人武部政委"], "安海林": ["区人武部部长"]}),
    ("镇妇联主席戴小英主持活动。", {"戴小英": ["镇妇联主席"]}),
    ("欧阳明华副县长？不，是副县长欧阳明华出席。", {"欧阳明华": ["副县长"]}),
    ("在区委书记黄海的带领下，代表团参观了园区。", {"黄海": ["区委书记"]}),
    ("会议由区委副书记、政法委书记吴刚主持。", {"吴刚": ["区委副书记", "政法委书记"]}),
    # A deputy's 人大代表 is a title (gold convention since blind2).
    ("全国人大代表、村党委书记沈建英发言。", {"沈建英": ["全国人大代表", "村党委书记"]}),
    ("区委书记王伟与区长李强一同调研。", {"王伟": ["区委书记"], "李强": ["区长"]}),
    ("县委书记张 三 丰，县长李  四出席。", {"张三丰": ["县委书记"], "李四": ["县长"]}),
    ("区卫健委主任徐亮亮，区教育局局长戴芳，区委办主任陆海平等参加。",
     {"徐亮亮": ["区卫健委主任"], "戴芳": ["区教育局局长"], "陆海平": ["区委办主任"]}),
])
def test_officials(text: str, expected: dict) -> None:
    assert as_dict(text) == expected


@pytest.mark.parametrize("text", [
    "某某中学党支部书记、校长蒋美玲介绍了情况。",
    "某科技有限公司董事长兼总裁高翔作报告。",
    "某律师事务所主任徐红，某研究院副院长王芳发言。",
    "农业技术推广中心副站长张华，快递站站长屈明感叹。",
    "本报讯(记者 樊小明 通讯员 陈一文) 活动举行。",
    "退休社区医生樊和明同志讲解了防疫知识。",
    "调解志愿者徐一义到村里坐班。",
    "职业学校教师姚林芳说，很荣幸。",
    "小区长期反映的问题得到解决。",
    "在区领导的关心下，工作顺利推进。",
    "该公司总经理陈刚、副总经理李明介绍。",
    "某某大学党委书记王力宏致辞。",
    "区长期待已久的项目开工。",
])
def test_not_officials(text: str) -> None:
    assert as_dict(text) == {}


def test_same_person_twice_is_one_mention_with_union_of_titles() -> None:
    got = as_dict("区委副书记李文出席。会后，区委副书记、区长李文指出。")
    assert got == {"李文": ["区委副书记", "区长"]}


def test_known_names_add_recall() -> None:
    text = "区长张大年画展开幕。"  # 张大年画 could read as a name; the known name decides
    assert as_dict(text, known_names=["张大年"]) == {"张大年": ["区长"]}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name[:3])
def test_gold_leaders(path) -> None:
    _, _, arts = load(path)
    for art, body in arts:
        want = {re.sub(r"\s", "", x["name"]): x["titles"] for x in art["leaders"]}
        got = as_dict(body)
        assert got.keys() == want.keys(), art["n"]
        for name, titles in want.items():
            assert set(titles) <= set(got[name]), (art["n"], name)


@pytest.mark.parametrize("text, expected", [
    # three-character names whose last character is also a particle
    ("县人大常委会副主任张志和，县政协副主席李四出席。",
     {"张志和": ["县人大常委会副主任"], "李四": ["县政协副主席"]}),
    ("县政务服务中心主任陈家为作交流发言。", {"陈家为": ["县政务服务中心主任"]}),
    ("镇党委书记王永同和村民面对面交流。", {"王永同": ["镇党委书记"]}),
    ("村党支部书记赵德明用方言讲述村里的变化。", {"赵德明": ["村党支部书记"]}),
    ("县长李芸说。", {"李芸": ["县长"]}),
    # a name ends before any verb of the dictionary
    ("市发改委主任钱磊推介了投资环境。", {"钱磊": ["市发改委主任"]}),
    ("区委常委、副区长孙凯在启动仪式上讲话。", {"孙凯": ["区委常委", "副区长"]}),
    # notes between title and name, titles in brackets after the name
    ("某某区副区长（女）周晓露出席。", {"周晓露": ["某某区副区长"]}),
    ("区民政局局长郑一（区民政局党组书记）作报告。", {"郑一": ["区民政局局长", "区民政局党组书记"]}),
    ("出席会议的有张三丰(区委书记)、李小四(区委副书记、区长)。",
     {"张三丰": ["区委书记"], "李小四": ["区委副书记", "区长"]}),
    # 中心 in an official title
    ("区城市运行管理中心主任吴一凡出席。", {"吴一凡": ["区城市运行管理中心主任"]}),
])
def test_officials_in_unseen_styles(text: str, expected: dict) -> None:
    assert as_dict(text) == expected


@pytest.mark.parametrize("text", [
    "会议由王五（某某科技有限公司董事长）主持。",
    "张三（副局级）出席。",
    "某某医院院长刘一带队义诊。",
    "镇文化服务站站长马某某展示技艺。",
    "志愿服务队队长葛某某带领志愿者维持秩序。",
])
def test_not_officials_in_unseen_styles(text: str) -> None:
    assert as_dict(text) == {}


@pytest.mark.parametrize("text, expected", [
    # a name ends before 列席 and the other attendance / speech verbs
    ("区人民检察院检察长张三丰列席会议。", {"张三丰": ["区人民检察院检察长"]}),
    ("副区长李小明列席，区政协副主席王大海陪同。",
     {"李小明": ["副区长"], "王大海": ["区政协副主席"]}),
    ("县委书记赵一鸣颁奖。", {"赵一鸣": ["县委书记"]}),
    ("市长钱多多莅临指导。", {"钱多多": ["市长"]}),
    # 等 ends a name (two- and three-character names)
    ("市政府秘书长张宁等参加会议。", {"张宁": ["市政府秘书长"]}),
    ("副市长陈小东、方建平，市政府秘书长金某等参加。", {"陈小东": ["副市长"], "方建平": ["副市长"]}),
    ("区委副书记周明等出席。", {"周明": ["区委副书记"]}),
    # the surname 区
    ("某某社区党委书记区秀英介绍，饭堂已开业。", {"区秀英": ["某某社区党委书记"]}),
])
def test_name_edges(text: str, expected: dict) -> None:
    assert as_dict(text) == expected


@pytest.mark.parametrize("text", [
    # anonymised people in disciplinary notices
    "某村原党支部书记张某某严重违纪，被开除党籍。",
    "市某局原副局长李某某、镇原镇长王某受到处分。",
    # 区 as the district word after a post word, never a name
    "党委书记区长联席会议召开。",
    "镇党委书记区域协调发展座谈会举行。",
    "村党支部书记区里来人了。",
])
def test_not_names(text: str) -> None:
    assert as_dict(text) == {}


@pytest.mark.parametrize("text, expected", [
    ("副区长麦家明出席活动。", {"麦家明": ["副区长"]}),
    ("村党委书记邝志成介绍情况。", {"邝志成": ["村党委书记"]}),
    ("县人大常委会主任寻立新主持会议。", {"寻立新": ["县人大常委会主任"]}),
    ("副主任承晓红作说明。", {"承晓红": ["副主任"]}),
    ("副县长肖一平出席。", {"肖一平": ["副县长"]}),
])
def test_modern_surnames(text: str, expected: dict) -> None:
    assert as_dict(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("区领导 张三 李四 王五 出席活动。",
     {"张三": ["区领导"], "李四": ["区领导"], "王五": ["区领导"]}),
    ("市领导\u3000赵卫\u3000钱海波\u3000陪同检查。", {"赵卫": ["市领导"], "钱海波": ["市领导"]}),
    ("县领导 孙一鸣\n 周华 吴明远 参加检查。",
     {"孙一鸣": ["县领导"], "周华": ["县领导"], "吴明远": ["县领导"]}),
    ("区领导 郑一 冯二出席。", {"郑一": ["区领导"], "冯二": ["区领导"]}),
    ("区领导 王小 明 出席。", {"王小明": ["区领导"]}),
])
def test_space_separated_lists(text: str, expected: dict) -> None:
    assert as_dict(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("市人大代表张一东（某镇某村党委书记）、李一英（某街道党工委书记）应邀列席。",
     {"张一东": ["市人大代表", "某镇某村党委书记"], "李一英": ["市人大代表", "某街道党工委书记"]}),
    ("区政协委员李四发言。", {"李四": ["区政协委员"]}),
    ("王五（市人大代表）说。", {"王五": ["市人大代表"]}),
    ("区党代会代表赵一鸣发言。", {"赵一鸣": ["区党代会代表"]}),
    ("企业代表王五发言。", {}),
    ("居民代表孙六说。", {}),
])
def test_deputies(text: str, expected: dict) -> None:
    assert as_dict(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("会议听取了市某某局局长张三关于工作的报告。", {"张三": ["市某某局局长"]}),
    ("听取了副区长李明所作的报告。", {"李明": ["副区长"]}),
    ("副区长周立新就此作说明。", {"周立新": ["副区长"]}),
])
def test_names_end_before_report_words(text: str, expected: dict) -> None:
    assert as_dict(text) == expected


@pytest.mark.parametrize("text, expected", [
    # A given name with 月 is a name (dates are printed with digits).
    ("某某区领导林月芬、钱敏等参加考察。", {"林月芬": ["某某区领导"], "钱敏": ["某某区领导"]}),
    # An adverb or 共 right after the name ends it.
    ("副区长冯立润多次召开专题会议。", {"冯立润": ["副区长"]}),
    ("并与区委常委、宣传部部长吴学文共探合作前景。", {"吴学文": ["区委常委", "宣传部部长"]}),
    # Names listed before the list title get it too, even a name that is also a word (于智).
    ("区长孙立华主持会议，周立新、于智、郑国平等区领导出席。会上，常务副区长郑国平通报情况。",
     {"孙立华": ["区长"], "周立新": ["区领导"], "于智": ["区领导"], "郑国平": ["区领导", "常务副区长"]}),
])
def test_names_and_list_titles(text: str, expected: dict) -> None:
    found = as_dict(text)
    for name, titles in expected.items():
        assert set(titles) <= set(found.get(name, [])), (name, found)


def test_a_clause_listing_words_before_a_list_title_names_nobody() -> None:
    assert as_dict("会议围绕调研、指导、检查等区领导关心的问题展开。") == {}


@pytest.mark.parametrize("text, expected", [
    ("区领导于立东、于立光、张海平出席会议。", {"于立东": ["区领导"], "于立光": ["区领导"], "张海平": ["区领导"]}),
    ("县政协主席孙某明，县级领导张学文、章立出席。", {"张学文": ["县级领导"], "章立": ["县级领导"]}),
    ("区委常委蒋立、干利强、刘其昕出席会议。", {"蒋立": ["区委常委"], "干利强": ["区委常委"], "刘其昕": ["区委常委"]}),
    ("县委常委、县纪委书记李元立领学了条例。", {"李元立": ["县委常委", "县纪委书记"]}),
])
def test_surnames_that_are_also_words_and_list_titles(text: str, expected: dict) -> None:
    found = as_dict(text)
    for name, titles in expected.items():
        assert set(titles) <= set(found.get(name, [])), (name, found)


@pytest.mark.parametrize("text", ["区长于会上指出，要抓好落实。", "县长于今年三月出席。"])
def test_yu_as_a_preposition_is_no_name(text: str) -> None:
    assert not any(name.startswith("于") for name in as_dict(text))


def test_he_before_a_noun_is_the_conjunction() -> None:
    assert as_dict("主任对委员和专家代表提出的建议表示感谢。") == {}


@pytest.mark.parametrize(("paragraph", "returns"), [
    ("赵立新一早来到某某村，察看春播进度。", True),
    ("抵达某某镇后，赵立新来到育秧基地。", True),
    ("育秧基地是全县最大的基地。赵立新了解了生产情况。", True),
    ("县长赵立新一早来到某某村。", False),  # named with the title again: may be a new report
    ("赵立新、王五等参加活动。", False),
    ("李四一早来到某某村。", False),
])
def test_returns_by_bare_name(paragraph: str, returns: bool) -> None:
    from articles.text.leaders import returns_by_bare_name

    story = "5月3日，县委副书记、县长赵立新到某某镇调研春耕生产。"
    assert returns_by_bare_name(paragraph, story) is returns


@pytest.mark.parametrize(("text", "names"), [
    ("县领导邱国让、张华、张红伟参加。", ["邱国让", "张华", "张红伟"]),  # ends on 让
    ("区领导程序、李建文，区政府办负责人参加。", ["程序", "李建文"]),  # a name that is also a word
    ("区三级政协委员、代表参加。", []),
])
def test_the_first_name_of_a_leaders_list_is_read_as_listed(text: str, names: list[str]) -> None:
    assert [m.name for m in find_leaders(text)] == names


def test_a_purpose_clause_before_the_post_is_not_part_of_the_title() -> None:
    [mention] = find_leaders("为贯彻落实市委书记张三9月18日调研某县时的指示精神，县里召开会议。")
    assert (mention.name, mention.titles) == ("张三", ["市委书记"])


def test_party_school_staff_are_not_leaders() -> None:
    names = [m.name for m in find_leaders("省委党校经济管理教研部主任刘一平、县委副书记张三陪同调研。")]
    assert names == ["张三"]


@pytest.mark.parametrize(("text", "expected"), [
    ("某城区政府王建福区长亲自主持汇报会，刘涛副区长就城区安全生产工作作了汇报。",
     [("王建福", ["区长"]), ("刘涛", ["副区长"])]),
    ("省财政厅李文才、周平副厅长一行来我县调研。", [("李文才", ["副厅长"]), ("周平", ["副厅长"])]),
    ("县委陈明书记出席会议。", [("陈明", ["书记"])]),
    ("区委常委、纪委书记出席，区委宣传部部长讲话。", []),  # bodies, not people
])
def test_a_post_printed_after_the_name_names_an_official(text: str, expected: list) -> None:
    assert [(m.name, list(m.titles)) for m in find_leaders(text)] == expected


@pytest.mark.parametrize(("text", "title"), [
    ("县委书记王建福，以及刘涛、周平、陈明等在家的县四套班子领导出席。", "县四套班子领导"),
    ("会议由王建福主持，刘涛、周平、陈明等副县级以上领导参加。", "副县级以上领导"),
    ("刘涛、周平、陈明等县级领导参加。", "县级领导"),
])
def test_officials_listed_before_a_leadership_group_take_its_name(text: str, title: str) -> None:
    found = {m.name: list(m.titles) for m in find_leaders(text)}
    assert all(found.get(name) == [title] for name in ("刘涛", "周平", "陈明"))
