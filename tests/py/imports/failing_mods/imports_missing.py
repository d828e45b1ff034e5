STARTED = True
import definitely_not_here_abc
