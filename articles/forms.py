"""Search forms: validate what comes in the URL and turn it into ``search.SearchParams``.

Every parameter is optional; a bad one gives a message, never an exception. The query text
is cleaned before validation (control characters, including NUL, become spaces) so that a
pasted string never trips Django's null-character validator.
"""
from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from articles.models import District, Leader, Paper
from articles.search import MAX_PAGE, SORTS, SearchParams
from articles.text import query as query_syntax

SORT_CHOICES = [("relevance", "相关度"), ("newest", "最新在前"), ("oldest", "最早在前")]
DATE_FIELD_CHOICES = [("issue", "出版日期"), ("event", "事件日期")]
DATE_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"]


class QueryField(forms.CharField):
    """A text field that drops control characters before any validator sees them."""

    def to_python(self, value: Any) -> str:
        return query_syntax.clean(str(value or "")).strip()


class SearchForm(forms.Form):
    """The search box plus filters, sort and page: the same parameters as ``/api/search``."""

    q = QueryField(label="检索词", required=False)
    district = forms.ModelChoiceField(
        label="区县", queryset=District.objects.all(), to_field_name="slug", required=False, empty_label="全部区县"
    )
    paper = forms.ModelChoiceField(
        label="报纸", queryset=Paper.objects.all(), to_field_name="slug", required=False, empty_label="全部报纸"
    )
    leader = forms.ModelChoiceField(label="领导", queryset=Leader.objects.all(), required=False, widget=forms.HiddenInput)
    date_field = forms.ChoiceField(label="日期类型", choices=DATE_FIELD_CHOICES, required=False)
    sort = forms.ChoiceField(label="排序", choices=SORT_CHOICES, required=False)
    page = forms.IntegerField(label="页码", min_value=1, max_value=MAX_PAGE, required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit = settings.NEWSARCHIVE_SEARCH_MAX_QUERY
        self.fields["q"].max_length = limit
        self.fields["q"].validators.append(_MaxLength(limit))
        self.fields["q"].widget.attrs.update(maxlength=str(limit), type="search")
        # "from" is a Python keyword, so these two are added by name.
        self.fields["from"] = forms.DateField(label="起始日期", required=False, input_formats=DATE_FORMATS,
                                              widget=forms.DateInput(attrs={"type": "date"}))
        self.fields["to"] = forms.DateField(label="截止日期", required=False, input_formats=DATE_FORMATS,
                                            widget=forms.DateInput(attrs={"type": "date"}))
        self.fields["page"].error_messages["max_value"] = f"最多只能翻到第 {MAX_PAGE} 页，请加上条件缩小范围。"
        self.fields["page"].error_messages["min_value"] = "页码从 1 开始。"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("from"), data.get("to")
        if start and end and start > end:
            raise forms.ValidationError("起始日期晚于截止日期。")
        return data

    def params(self) -> SearchParams:
        """Return the validated parameters (call after ``is_valid()``)."""
        data = self.cleaned_data
        sort = data.get("sort") or "relevance"
        return SearchParams(
            query=query_syntax.parse(data.get("q") or ""),
            district=data.get("district"), paper=data.get("paper"), leader=data.get("leader"),
            date_from=data.get("from"), date_to=data.get("to"), date_field=data.get("date_field") or "issue",
            sort=sort if sort in SORTS else "relevance", page=data.get("page") or 1,
        )

    def error_messages_text(self) -> list[str]:
        """Return every error as one plain sentence, for the page and the API."""
        out = []
        for name, errors in self.errors.items():
            label = self.fields[name].label if name in self.fields else ""
            out += [f"{label}：{e}" if label else str(e) for e in errors]
        return out


class _MaxLength:
    """Reject a query longer than the configured limit, with the limit in the message."""

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def __call__(self, value: str) -> None:
        if len(value) > self.limit:
            raise forms.ValidationError(f"检索词太长（{len(value)} 字），最多 {self.limit} 字。")


class AdvancedSearchForm(forms.Form):
    """For people who do not type syntax: boxes that are turned into a query string."""

    all_words = forms.CharField(label="包含全部词语", required=False, help_text="用空格分开，例如：乡村振兴 耕地")
    exact = forms.CharField(label="包含完整短语", required=False, help_text="例如：东西部协作")
    any_words = forms.CharField(label="包含任一词语", required=False, help_text="用空格分开，例如：缪京 李峻")
    none_words = forms.CharField(label="不包含", required=False, help_text="用空格分开")
    in_field = forms.ChoiceField(
        label="查找范围", required=False,
        choices=[("", "全文"), ("标题", "只查标题"), ("正文", "只查正文"), ("作者", "只查作者")],
    )
    leader_name = forms.CharField(label="提到的领导", required=False, help_text="完整姓名，例如：缪京")

    FIELDS = ("all_words", "exact", "any_words", "none_words", "leader_name")

    def is_submitted(self) -> bool:
        return any((self.data.get(name) or "").strip() for name in self.FIELDS)

    def to_query(self) -> str:
        """Return the query string these boxes mean, in the syntax the search box documents."""
        data = self.cleaned_data
        prefix = f"{data['in_field']}:" if data.get("in_field") else ""
        parts = [prefix + _bare(w) for w in _words(data.get("all_words"))]
        if (data.get("exact") or "").strip():
            parts.append(f'{prefix}"{_bare(data["exact"])}"')
        alternatives = [prefix + _bare(w) for w in _words(data.get("any_words"))]
        if alternatives:
            parts.append(" OR ".join(alternatives))
        parts += [f"-{prefix}{_bare(w)}" for w in _words(data.get("none_words"))]
        if (data.get("leader_name") or "").strip():
            parts.append(f"领导:{_bare(data['leader_name'])}")
        return " ".join(p for p in parts if p.strip('-:"'))


def _words(text: str | None) -> list[str]:
    return [w for w in (text or "").split() if w and w != "OR"]


def _bare(text: str) -> str:
    """Remove the syntax characters a box must not smuggle in (quotes)."""
    return query_syntax.clean(text).replace('"', " ").strip().lstrip("-")
