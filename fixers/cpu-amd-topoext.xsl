<?xml version="1.0"?>
<!-- cpu-amd-topoext: require the topoext CPU feature so that SMT threads of
     an AMD CPU model are visible as siblings.  An existing <feature
     name='topoext'> gets policy='require'; otherwise
     <feature policy='require' name='topoext'/> is added after the last
     <feature> of <cpu>, else after <topology>, else at the end of <cpu>.
     Parameters: targets (the <topology> or <feature>; unused). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/cpu[not(feature[@name = 'topoext'])]">
    <xsl:variable name="anchor" select="(feature|topology)[last()]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:apply-templates select="."/>
        <xsl:if test="count(. | $anchor) = 1">
          <feature policy="require" name="topoext"/>
        </xsl:if>
      </xsl:for-each>
      <xsl:if test="not($anchor)">
        <feature policy="require" name="topoext"/>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/cpu/feature[@name = 'topoext']">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:attribute name="policy">require</xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
