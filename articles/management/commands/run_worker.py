"""Run the background worker that checks and publishes uploads (see articles/editing/worker.py)."""
import signal

from django.core.management.base import BaseCommand

from articles.editing import worker


class Command(BaseCommand):
    help = "后台任务：检查并发布排队的上传文件（Ctrl-C 或 SIGTERM 在当前文件完成后退出）"

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("--poll", type=float, default=1.0, help="seconds between looks at an empty queue")
        parser.add_argument("--once", action="store_true", help="empty the queue, then exit")

    def handle(self, *args, poll: float, once: bool, **options) -> None:
        if once:
            done = 0
            while worker.process_next():
                done += 1
            self.stdout.write(f"{done} file(s) processed")
            return
        stopping: list[int] = []
        # Finish the file in hand, then stop; a second signal (or SIGKILL) stops at once, and
        # the interrupted file's transaction is rolled back, so it stays in the queue.
        def stop(signum: int, frame: object) -> None:
            if stopping:
                raise KeyboardInterrupt
            stopping.append(signum)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write("worker started")
        done = worker.run(should_stop=lambda: bool(stopping), poll_seconds=poll)
        self.stdout.write(f"worker stopped after {done} file(s)")
