"""Forms of the admin workflow: upload files, fix a file's facts, edit, split, and curate leaders."""
from __future__ import annotations

from datetime import date

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.http import QueryDict

from articles.models import Article, District, Leader, Paper
from articles.ingest import Hints


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that accepts several files (Django's documented pattern)."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,text/plain"}))
        # An empty file must not invalidate the whole form (Django's default): it is refused
        # on its own, by name, when the files are checked (articles/editing/uploads.py), and the others go on.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):  # noqa: ANN001, ANN201
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class DateInput(forms.DateInput):
    """A browser date picker. Its value must be ISO (2025-05-03) whatever the locale's date format,
    or the browser shows an empty field and refuses the form."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class UploadForm(forms.Form):
    """Files plus facts for those whose names do not follow 报名_YYYY-MM-DD_版次.txt."""

    files = MultipleFileField(label="版面文件（可多选）")
    paper = forms.ModelChoiceField(
        Paper.objects.all(), to_field_name="name", required=False, label="报纸",
        help_text="文件名没有写明报名时使用；只能选择已有的报纸。",
    )
    issue_date = forms.DateField(required=False, label="出版日期", widget=DateInput,
                                 help_text="文件名没有写明日期时使用。")
    page = forms.CharField(required=False, max_length=20, label="版次")

    def defaults(self) -> Hints:
        data = self.cleaned_data
        return Hints(paper=data["paper"].name if data["paper"] else "", issue_date=data["issue_date"],
                     page=(data["page"] or "").strip())


def per_file_facts(data: QueryDict, count: int) -> list[Hints]:
    """Read what the editor set for each file on the upload page (``file-<n>-paper`` etc., 0-based).

    The page's script fills these rows from each file name; without the script there are none.
    A date that is not YYYY-MM-DD counts as not given. A row with a paper describes its file,
    page included: an empty page there means the file has none.
    """
    facts = []
    for n in range(count):
        raw_date = (data.get(f"file-{n}-issue_date") or "").strip()
        try:
            issue_date = date.fromisoformat(raw_date) if raw_date else None
        except ValueError:
            issue_date = None
        paper = (data.get(f"file-{n}-paper") or "").strip()[:100]
        page = (data.get(f"file-{n}-page") or "").strip()[:20]
        facts.append(Hints(paper=paper, issue_date=issue_date, page=page if paper else None))
    return facts


def read_upload(uploaded: UploadedFile) -> tuple[str, bytes, int]:
    """Return (name, bytes, real size), reading no more than one byte past the limit."""
    limit = settings.NEWSARCHIVE_UPLOAD_MAX_BYTES
    return uploaded.name or "", uploaded.read(limit + 1), uploaded.size or 0


class FileFactsForm(forms.Form):
    """Change one waiting file's paper, date and page."""

    paper = forms.ModelChoiceField(Paper.objects.all(), to_field_name="name", label="报纸")
    issue_date = forms.DateField(label="出版日期", widget=DateInput)
    page = forms.CharField(required=False, max_length=20, label="版次")


def confirmed_files(data: QueryDict) -> set[int]:
    """Return the ids of the files whose replacement the editor confirmed.

    Each file that would replace an issue has its own ``confirm_replace`` box beside its
    warning on the review page, so confirming one replacement never confirms another.
    """
    return {int(v) for v in data.getlist("confirm_replace") if v.isdigit()}


class SplitForm(forms.Form):
    at_paragraph = forms.IntegerField(min_value=2, label="从第几段起成为新文章")
    title = forms.CharField(required=False, max_length=300, label="新文章标题")


class MergeLeadersForm(forms.Form):
    keep = forms.ModelChoiceField(Leader.objects.none(), widget=forms.RadioSelect, label="保留哪一条记录")

    def __init__(self, *args, leaders, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = leaders


class SeparateLeaderForm(forms.Form):
    articles = forms.ModelMultipleChoiceField(Article.objects.none(), widget=forms.CheckboxSelectMultiple,
                                              label="属于另一个人的文章")
    district = forms.ModelChoiceField(District.objects.all(), required=False, label="另一个人所在区县")

    def __init__(self, *args, leader: Leader, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["articles"].queryset = Article.objects.filter(mentions__leader=leader).order_by("-issue_date")


class LeaderTitleForm(forms.Form):
    old = forms.CharField(max_length=100, label="原职务")
    new = forms.CharField(max_length=100, label="改为")
