"""`plansite edit` (`plansite serve --edit`): the live preview with forms that write the data's YAML.

A stage above the site and the workbooks, below the API: the preview server (`site.serve`) is given this
package's answers as an `Extension` and never imports it. `service` answers the form's requests, `documents`
names the files, `checking` runs the validator on a candidate, `links` adds the "edit" links to the preview's
pages; the YAML is written by `sheets.yamlsplice`, changing only the lines of the values that change.
"""

from __future__ import annotations

import functools

from generator.data.layout import DataRepository
from generator.edit.links import addition
from generator.edit.service import PREFIX, EditService
from generator.site.serve import Extension


def extension(repository: DataRepository) -> Extension:
    """The editor of `repository`, as the preview server takes it."""
    service = EditService(repository)
    return Extension(PREFIX, service.answer, functools.partial(addition, repository))
