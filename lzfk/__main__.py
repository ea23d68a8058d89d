"""``python -m lzfk`` and the ``lzfk`` console script."""

import gc


def run() -> None:
    # One short command: many objects, next to no reference cycles. The cyclic collector
    # would only cost time (20–30 ms of every start-up, seconds in a large import); the
    # process ends with os._exit anyway.
    gc.disable()
    from lzfk.cli import main

    main()


if __name__ == "__main__":
    run()
