// Draws each statistics chart with ECharts from its data-chart attribute (the page's CSP allows no inline script).
// The data table beside each chart holds the same numbers and stays the accessible form; without JavaScript, or when
// ECharts did not load, the charts stay hidden and the tables are the figures.
(function () {
  'use strict';

  function draw(element) {
    var spec;
    try {
      spec = JSON.parse(element.getAttribute('data-chart'));
    } catch (e) {
      return null;
    }
    if (!spec.categories || spec.categories.length === 0) {
      return null;
    }
    element.hidden = false;
    var chart = window.echarts.init(element, null, {renderer: 'svg'});
    var narrow = element.clientWidth < 480;
    chart.setOption({
      aria: {enabled: true, label: {description: spec.label}},
      animation: false,
      color: ['#1d4f91', '#b35900', '#2e7d32', '#6a1b9a'],
      tooltip: {trigger: 'axis'},
      legend: {top: 0, textStyle: {fontSize: narrow ? 11 : 13}},
      grid: {left: 8, right: 16, top: 40, bottom: 8, containLabel: true},
      xAxis: {type: 'category', data: spec.categories, axisLabel: {rotate: narrow || spec.categories.length > 12 ? 45 : 0}},
      yAxis: {type: 'value', minInterval: 1},
      series: spec.series.map(function (s) {
        return {name: s.name, type: spec.type, data: s.data, smooth: false, showSymbol: spec.type === 'line'};
      })
    });
    return chart;
  }

  function start() {
    if (!window.echarts) {
      return;
    }
    var charts = [];
    document.querySelectorAll('[data-chart]').forEach(function (element) {
      var chart = draw(element);
      if (chart) {
        charts.push(chart);
      }
    });
    window.addEventListener('resize', function () {
      charts.forEach(function (chart) {
        chart.resize();
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
