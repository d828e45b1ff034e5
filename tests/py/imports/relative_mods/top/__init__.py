T = 'top'
