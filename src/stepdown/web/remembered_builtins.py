"""Django's built-in ``{% url %}`` and ``{% extends %}``, remembering what they found before.

``{% url %}``: the page shell links 22 pages and Today's content 10 more, and Django's
``reverse`` costs about 15 µs each time (the namespace walk, the pattern's candidates, quoting),
so a plain signed-in page spent a tenth of its render finding the same paths again
(docs/performance.md). A path depends only on the view, its arguments, the URL configuration,
the script prefix and the current app, which are all in the key; a test that swaps the URL
configuration clears what was kept, and so does reaching ``KEPT_PATHS`` (links that carry ids
would otherwise add up).

``{% extends %}``: on every render Django walked the whole of the parent template (the page
shell, a few hundred nodes) to find its blocks. A compiled template does not change (the
template loader keeps it until the process ends), so its blocks are found once per template.

Installed as builtins in ``TEMPLATES`` (config/settings.py), so they replace Django's tags in
every template without a ``{% load %}``.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from django import template
from django.template import Context
from django.template.base import Template, TextNode
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.template.loader_tags import BLOCK_CONTEXT_KEY, BlockContext, BlockNode, ExtendsNode
from django.template.loader_tags import do_extends as django_extends
from django.urls import NoReverseMatch, reverse

from stepdown.web import per_render
from stepdown.web.html import escaped
from stepdown.web.kept import Kept

register = template.Library()

KEPT_PATHS = 4096  # a page links a few dozen; ids in links make the rest
# (view name, arguments, current app, script prefix, URL configuration) -> (path, escaped path)
_paths: Kept[tuple[Any, ...], tuple[str, str]] = Kept(depends_on={"ROOT_URLCONF"}, limit=KEPT_PATHS)


class RememberedURLNode(URLNode):
    def render(self, context: Context) -> str:
        view_name = self.view_name.resolve(context)
        args = tuple(arg.resolve(context) for arg in self.args)
        kwargs = tuple((name, value.resolve(context)) for name, value in self.kwargs.items())
        where = per_render.where(context)
        key = (
            view_name,
            # With their types: 1, 1.0 and True are one key but three paths.
            tuple((type(arg), arg) for arg in args),
            tuple((name, type(value), value) for name, value in kwargs),
            *where,
        )
        try:
            kept = _paths.get(key)
        except TypeError:  # an argument that cannot be a key: reversed every time
            return str(super().render(context))
        if kept is None:
            try:
                path = reverse(view_name, args=args, kwargs=dict(kwargs), current_app=where[0])
            except NoReverseMatch:
                if self.asvar is None:
                    raise
                # As Django's tag: ``as`` leaves the variable empty. Not kept: the same name
                # without ``as`` must still be refused.
                context[self.asvar] = ""
                return ""
            kept = _paths.keep(key, (path, escaped(path)))
        if self.asvar:
            context[self.asvar] = kept[0]
            return ""
        return kept[1] if context.autoescape else kept[0]


@register.tag
def url(parser: Any, token: Any) -> RememberedURLNode:
    node = django_url(parser, token)
    return RememberedURLNode(node.view_name, node.args, node.kwargs, node.asvar)


# A compiled parent template -> its blocks by name, or None when it extends another in turn.
_blocks: WeakKeyDictionary[Template, dict[str, Any] | None] = WeakKeyDictionary()


def _root_blocks(parent: Template) -> dict[str, Any] | None:
    """The blocks of ``parent`` when it is the root of the chain (its first node that is not
    text is not an ``{% extends %}``), as Django's ``ExtendsNode.render`` finds them."""
    try:
        return _blocks[parent]
    except KeyError:
        pass
    found = None
    for node in parent.nodelist:
        if not isinstance(node, TextNode):
            if not isinstance(node, ExtendsNode):
                found = {n.name: n for n in parent.nodelist.get_nodes_by_type(BlockNode)}  # type: ignore[attr-defined]
            break
    _blocks[parent] = found
    return found


class RememberedExtendsNode(ExtendsNode):
    def render(self, context: Context) -> str:
        # Django's ExtendsNode.render, with the root's blocks found once per template.
        compiled_parent = self.get_parent(context)
        if BLOCK_CONTEXT_KEY not in context.render_context:
            context.render_context[BLOCK_CONTEXT_KEY] = BlockContext()
        block_context = context.render_context[BLOCK_CONTEXT_KEY]
        block_context.add_blocks(self.blocks)
        blocks = _root_blocks(compiled_parent)
        if blocks is not None:
            block_context.add_blocks(blocks)
        with context.render_context.push_state(compiled_parent, isolated_context=False):
            return compiled_parent._render(context)  # type: ignore[attr-defined, no-any-return]


@register.tag
def extends(parser: Any, token: Any) -> RememberedExtendsNode:
    node = django_extends(parser, token)
    return RememberedExtendsNode(node.nodelist, node.parent_name, node.template_dirs)
