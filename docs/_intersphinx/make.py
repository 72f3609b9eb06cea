"""Write the intersphinx inventories in this folder: python docs/_intersphinx/make.py

Each inventory lists only the objects careerkit's docs name, each with the address of its
entry in the project's official documentation (the base address is in docs/conf.py's
``intersphinx_mapping``). A nitpicky build (``sphinx -n``) that meets a name missing here
fails with "reference target not found": add the name below and run this script again.

Needs sphobjinv (``pip install sphobjinv``); the docs build itself needs only the files.
"""

from pathlib import Path

HERE = Path(__file__).parent

# project (its file is project.lower() + ".inv"): (version, [(name, domain:role, address relative to the docs root), ...]).
# "$" in an address stands for the name, as in Sphinx's own inventories.
INVENTORIES = {
    "Python": (
        "3",
        [
            ("None", "py:data", "library/constants.html#None"),
            ("object", "py:class", "library/functions.html#object"),
            ("bool", "py:class", "library/functions.html#bool"),
            ("int", "py:class", "library/functions.html#int"),
            ("float", "py:class", "library/functions.html#float"),
            ("str", "py:class", "library/stdtypes.html#str"),
            ("tuple", "py:class", "library/stdtypes.html#tuple"),
            ("list", "py:class", "library/stdtypes.html#list"),
            ("dict", "py:class", "library/stdtypes.html#dict"),
            ("frozenset", "py:class", "library/stdtypes.html#frozenset"),
            ("Exception", "py:exception", "library/exceptions.html#Exception"),
            ("KeyError", "py:exception", "library/exceptions.html#KeyError"),
            ("LookupError", "py:exception", "library/exceptions.html#LookupError"),
            ("TypeError", "py:exception", "library/exceptions.html#TypeError"),
            ("ValueError", "py:exception", "library/exceptions.html#ValueError"),
            ("ZeroDivisionError", "py:exception", "library/exceptions.html#ZeroDivisionError"),
            ("UserWarning", "py:exception", "library/exceptions.html#UserWarning"),
            ("argparse.ArgumentParser", "py:class", "library/argparse.html#$"),
            ("collections.abc.Hashable", "py:class", "library/collections.abc.html#$"),
            ("collections.abc.Iterable", "py:class", "library/collections.abc.html#$"),
            ("collections.abc.Iterator", "py:class", "library/collections.abc.html#$"),
            ("collections.abc.Mapping", "py:class", "library/collections.abc.html#$"),
            ("collections.abc.Sequence", "py:class", "library/collections.abc.html#$"),
            ("datetime.date", "py:class", "library/datetime.html#$"),
            ("decimal.Decimal", "py:class", "library/decimal.html#$"),
            ("fractions.Fraction", "py:class", "library/fractions.html#$"),
            ("os.PathLike", "py:class", "library/os.html#$"),
            ("pathlib.Path", "py:class", "library/pathlib.html#$"),
            ("typing.Any", "py:data", "library/typing.html#$"),
            ("typing.ClassVar", "py:data", "library/typing.html#$"),
            ("typing.Literal", "py:data", "library/typing.html#$"),
        ],
    ),
    "NumPy": (
        "stable",
        [
            ("numpy.ndarray", "py:class", "reference/generated/numpy.ndarray.html#$"),
            ("numpy.dtype", "py:class", "reference/generated/numpy.dtype.html#$"),
            ("numpy.float64", "py:class", "reference/arrays.scalars.html#$"),
            ("numpy.object_", "py:class", "reference/arrays.scalars.html#$"),
            # numpy documents ArrayLike as data; listed as a class, the role a signature's
            # annotations link with
            ("numpy.typing.ArrayLike", "py:class", "reference/typing.html#$"),
        ],
    ),
    "pandas": (
        "stable",
        [
            ("pandas.DataFrame", "py:class", "reference/api/pandas.DataFrame.html#$"),
            ("pandas.Series", "py:class", "reference/api/pandas.Series.html#$"),
        ],
    ),
    "pint": (
        "stable",
        [
            ("pint.Quantity", "py:class", "api/base.html#$"),
            ("pint.UnitRegistry", "py:class", "api/base.html#$"),
        ],
    ),
    "Babel": (
        "latest",
        [
            ("babel.core.Locale", "py:class", "api/core.html#$"),
            ("babel.core.Locale.parse", "py:method", "api/core.html#$"),
            ("babel.numbers.format_currency", "py:function", "api/numbers.html#$"),
        ],
    ),
    # polars documents its classes without index entries: the address is the class's page.
    "Polars": (
        "stable",
        [
            ("polars.DataFrame", "py:class", "reference/dataframe/index.html"),
            ("polars.Series", "py:class", "reference/series/index.html"),
        ],
    ),
    "Dask": (
        "stable",
        [
            ("dask.dataframe.DataFrame", "py:class", "generated/dask.dataframe.DataFrame.html#$"),
            ("dask.dataframe.Series", "py:class", "generated/dask.dataframe.Series.html#$"),
        ],
    ),
    "Hypothesis": (
        "latest",
        [
            (
                "hypothesis.strategies.SearchStrategy",
                "py:class",
                "reference/strategies.html#$",
            ),
        ],
    ),
}


def main() -> None:
    import sphobjinv as soi

    for project, (version, objects) in INVENTORIES.items():
        inventory = soi.Inventory()
        inventory.project = project
        inventory.version = version
        for name, kind, uri in sorted(objects):
            domain, role = kind.split(":")
            inventory.objects.append(
                soi.DataObjStr(
                    name=name, domain=domain, role=role, priority="1", uri=uri, dispname="-"
                )
            )
        file = f"{project.lower()}.inv"
        text = inventory.data_file(contract=True)
        soi.writebytes(HERE / file, soi.compress(text))
        print(f"{file}: {len(objects)} objects of {project}")


if __name__ == "__main__":
    main()
